package org.flatracoon.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flatracoon.lab.docker.RequiresDocker;
import org.flatracoon.lab.docker.TestLabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * `lab fault` and `lab node` on a lab that `lab up` started in another command (lab faults-undo):
 * they find it by its labels, disturb it, show what disturbs it, and undo it.
 */
@RequiresDocker
class FaultCommandDockerTest {

    private static final String LAB = "faults-undo";
    private final Path file = TestLabs.resource("fault-undo.clab.yml");

    @BeforeEach
    @AfterEach
    void noSuchLab() {
        TestLabs.inventory().removeLab(LAB); // a `lab up` lab outlives its process: never leave ours behind
        assertThat(TestLabs.leftoversOfLab(LAB)).isEmpty();
    }

    @Test
    void faultsAndNodeActionsFromTheCommandLineReachALabUpLab() {
        CliRun up = CliRun.of("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isZero();

        CliRun blackhole = CliRun.of("fault", LAB, "link", "x", "y", "blackhole");
        assertThat(blackhole.exitCode()).as(blackhole.err()).isZero();
        assertThat(blackhole.out()).startsWith("applied: link blackhole x y (");
        assertThat(ping("x", "198.51.100.178")).as("x reaches y through a blackhole").isFalse();

        CliRun partition = CliRun.of("fault", LAB, "partition", "z");
        assertThat(partition.out()).startsWith("applied: partition z links=y:eth2--z:eth1 (");
        CliRun list = CliRun.of("fault", LAB, "list");
        assertThat(list.outLines()).anySatisfy(line -> assertThat(line).matches("x +bh_eth1: drops all arriving on eth1 .*"))
                .anySatisfy(line -> assertThat(line).matches("y +bh_eth1: drops all arriving on eth1 .*"))
                .anySatisfy(line -> assertThat(line).matches("z +cut\\d+_eth1: drops all arriving on eth1 .*"));
        assertThat(ping("y", "198.51.100.186")).as("y reaches z across the partition").isFalse();

        assertThat(CliRun.of("fault", LAB, "heal").exitCode()).isZero();
        assertThat(CliRun.of("fault", LAB, "link", "x", "y", "clear").exitCode()).isZero();
        assertThat(CliRun.of("fault", LAB, "list").outLines()).containsExactly("NODE  FAULT", "x     -", "y     -", "z     -");
        assertThat(ping("x", "198.51.100.178")).isTrue();
        assertThat(ping("y", "198.51.100.186")).isTrue();

        CliRun pause = CliRun.of("node", LAB, "z", "pause");
        assertThat(pause.out()).startsWith("applied: node pause z (");
        assertThat(CliRun.of("fault", LAB, "list").outLines()).contains("z     node paused");
        assertThat(CliRun.of("node", LAB, "z", "unpause").exitCode()).isZero();

        CliRun noLink = CliRun.of("fault", LAB, "link", "x", "z", "down");
        assertThat(noLink.exitCode()).isEqualTo(2);
        assertThat(noLink.errLines()).containsExactly("lab: lab faults-undo has no link between x and z");

        CliRun noLab = CliRun.of("fault", "faults-nowhere", "heal");
        assertThat(noLab.exitCode()).isEqualTo(1);
        assertThat(noLab.errLines()).containsExactly("lab: no lab named faults-nowhere is running (see `lab ps`)");
    }

    private static boolean ping(String from, String address) {
        return CliRun.of("exec", LAB, from, "--", "ping", "-n", "-c", "2", "-W", "1", address).exitCode() == 0;
    }
}
