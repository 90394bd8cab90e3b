package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labs that cannot come up: each is refused or removed with a message that says what to do,
 * and nothing of it stays on the engine. Lab names of this class all start with "it-faults".
 */
@RequiresDocker
class DockerLabFailuresTest {

    @BeforeAll
    static void sweep() {
        TestLabs.inventory().sweepAbandonedTestRuns();
    }

    @AfterEach
    void nothingOfTheseLabsIsLeft() {
        for (String lab : new String[] {"it-faults-noimage", "it-faults-twin", "it-faults-exec", "it-faults-hostnet"}) {
            assertThat(TestLabs.leftoversOfLab(lab)).as("resources of " + lab).isEmpty();
        }
    }

    @Test
    void anImageThatIsNotBuiltIsNamedWithHowToBuildOurs() {
        Topology topology = TestLabs.topology("faults-no-image.clab.yml");

        assertThatThrownBy(() -> TestLabs.backend().start(topology, LabOwner.TEST_RUN))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("flatracoon/never-built:0.0.0")
                .hasMessageContaining("just images")
                .hasMessageNotContaining(TestLabs.HOST_IMAGE);
        assertThat(TestLabs.leftoversOfLab("it-faults-noimage")).isEmpty();
    }

    @Test
    void aSecondLabWithTheSameNameIsRefusedAndTheFirstKeepsRunning() {
        Topology topology = TestLabs.topology("faults-twin.clab.yml");
        RunningLab first = TestLabs.backend().start(topology, LabOwner.TEST_RUN);
        try {
            assertThatThrownBy(() -> TestLabs.backend().start(topology, LabOwner.TEST_RUN))
                    .isInstanceOf(LabException.class)
                    .hasMessageContaining("a lab named it-faults-twin is already running")
                    .hasMessageContaining("lab down it-faults-twin");
            assertThat(first.node("solo").exec("true").succeeded()).isTrue();
            assertThat(TestLabs.inventory().labs()).filteredOn(lab -> lab.name().equals("it-faults-twin"))
                    .singleElement()
                    .satisfies(lab -> assertThat(lab.runId()).isEqualTo(first.runId()));
        } finally {
            first.close();
        }
        assertThat(TestLabs.inventory().leftovers(first.runId())).isEmpty();
    }

    @Test
    void aFailingStartupCommandRemovesTheLabAndNamesNodeAndCommand() {
        Topology topology = TestLabs.topology("faults-exec.clab.yml");

        assertThatThrownBy(() -> TestLabs.backend().start(topology, LabOwner.TEST_RUN))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("node y")
                .hasMessageContaining("echo 'cannot configure the widget' >&2; exit 3")
                .hasMessageContaining("exit code 3")
                .hasMessageContaining("cannot configure the widget");
        assertThat(TestLabs.leftoversOfLab("it-faults-exec")).isEmpty(); // nodes, networks, helpers
    }

    @Test
    void aLabOverlappingTheMachinesOwnNetworkIsRefusedBeforeAnythingIsCreated(@TempDir Path dir) {
        var host = HostPrefix.find();
        assumeTrue(host.isPresent(), "this machine has no non-loopback IPv4 network with room for two hosts");
        IpPrefix prefix = host.get();
        Topology topology = TestLabs.load(HostPrefix.topologyUsing(dir, "it-faults-hostnet", prefix));

        assertThatThrownBy(() -> TestLabs.backend().start(topology, LabOwner.TEST_RUN))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("overlaps this machine's network " + prefix);
        assertThat(TestLabs.leftoversOfLab("it-faults-hostnet")).isEmpty();
    }
}
