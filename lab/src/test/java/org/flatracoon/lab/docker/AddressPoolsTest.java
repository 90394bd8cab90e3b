package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import org.flatracoon.lab.topology.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressPoolsTest {

    @TempDir
    Path dir;

    private final AddressPools pools = new AddressPools();

    @Test
    void labsWithDisjointSubnetsHoldTheirPoolsAtOnce() throws Exception {
        try (AddressPools.Lease first = pools.acquire(lab("one", "198.51.100.1/28"), Duration.ofSeconds(1));
                AddressPools.Lease second = pools.acquire(lab("two", "198.51.100.17/28"), Duration.ofSeconds(1))) {
            assertThat(first).isNotSameAs(second);
        }
    }

    @Test
    void aLabWhoseSubnetsOverlapWaitsUntilTheOtherCloses() throws Exception {
        AddressPools.Lease wide = pools.acquire(lab("wide", "198.51.100.1/25"), Duration.ofSeconds(1));
        Topology narrow = lab("narrow", "198.51.100.33/28");

        CompletableFuture<AddressPools.Lease> waiting = CompletableFuture.supplyAsync(
                () -> pools.acquire(narrow, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS)).as("the overlapping lab must wait")
                .isInstanceOf(TimeoutException.class);

        wide.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isNotNull();
        waiting.get().close();
    }

    @Test
    void aSecondRunOfTheSameLabWaitsEvenWithoutLinks() throws Exception {
        AddressPools.Lease first = pools.acquire(lab("same", null), Duration.ofSeconds(1));
        assertThatThrownBy(() -> pools.acquire(lab("same", null), Duration.ofMillis(200)))
                .isInstanceOf(LabException.class)
                .hasMessage("a lab named same is already running; stop it with `lab down same` or `lab clean` (waited 200 ms for it to close)");
        first.close();
        pools.acquire(lab("same", null), Duration.ofSeconds(1)).close();
    }

    @Test
    void withoutWaitingTheRefusalComesAtOnce() throws Exception {
        try (AddressPools.Lease holder = pools.acquire(lab("first", "203.0.113.17/28"), Duration.ZERO)) {
            assertThatThrownBy(() -> pools.acquire(lab("first", "203.0.113.33/28"), Duration.ZERO))
                    .isInstanceOf(LabException.class)
                    .hasMessage("a lab named first is already running; stop it with `lab down first` or `lab clean`");
        }
    }

    @Test
    void aTimedOutWaitNamesTheLabAndSubnetsInTheWay() throws Exception {
        try (AddressPools.Lease holder = pools.acquire(lab("holder", "203.0.113.1/28"), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> pools.acquire(lab("latecomer", "203.0.113.2/28"), Duration.ofMillis(200)))
                    .isInstanceOf(LabException.class)
                    .hasMessage("lab latecomer overlaps the subnets [203.0.113.0/28] of running lab holder"
                            + " (waited 200 ms for it to close)");
        }
    }

    /** A two-node lab; with an address, one link in that address's subnet. */
    private Topology lab(String name, String firstAddress) throws IOException, TopologyException {
        String links = "";
        if (firstAddress != null) {
            String[] parts = firstAddress.split("/");
            String base = parts[0].substring(0, parts[0].lastIndexOf('.') + 1);
            int last = Integer.parseInt(parts[0].substring(parts[0].lastIndexOf('.') + 1));
            links = "  links:\n    - endpoints: [\"a:eth1\", \"b:eth1\"]\n      ipv4: [" + firstAddress + ", " + base
                    + (last + 1) + "/" + parts[1] + "]\n";
        }
        Path file = dir.resolve(name + "-" + System.nanoTime() + ".clab.yml");
        Files.writeString(file, "name: " + name + "\ntopology:\n  nodes:\n    a: {kind: host}\n    b: {kind: host}\n" + links);
        return new TopologyLoader(KindRegistry.standard()).load(file);
    }
}
