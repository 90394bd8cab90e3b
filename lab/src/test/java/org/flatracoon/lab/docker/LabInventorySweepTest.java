package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flatracoon.lab.backend.LabOwner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A killed test run cannot clean up after itself; the next one sweeps what it left. Only labs of
 * test runs whose process is gone may go: a running test's lab and a `lab up` lab must stay.
 */
@RequiresDocker
class LabInventorySweepTest {

    private static final String LAB = "it-sweep";

    private final DockerClient docker = TestLabs.docker();
    private final LabInventory inventory = TestLabs.inventory();
    private final List<String> runs = new ArrayList<>();

    @AfterEach
    void removeWhatThisTestCreated() {
        runs.forEach(inventory::removeRun);
        runs.forEach(run -> assertThat(inventory.leftovers(run)).as("run " + run).isEmpty());
    }

    @Test
    void sweepRemovesOnlyTestRunLabsWhoseProcessIsGone() throws Exception {
        long deadPid = deadProcessId();
        long livePid = ProcessHandle.current().pid();
        String abandoned = labResources(LabOwner.TEST_RUN, deadPid);
        String running = labResources(LabOwner.TEST_RUN, livePid);
        String cliLab = labResources(LabOwner.CLI, deadPid);
        assertThat(inventory.leftovers(abandoned)).hasSize(2);

        LabInventory.Removed removed = inventory.sweepAbandonedTestRuns();

        assertThat(inventory.leftovers(abandoned)).isEmpty();
        assertThat(removed.containers()).isGreaterThanOrEqualTo(1);
        assertThat(removed.networks()).isGreaterThanOrEqualTo(1);
        assertThat(inventory.leftovers(running)).hasSize(2);
        assertThat(inventory.leftovers(cliLab)).hasSize(2);
    }

    @Test
    void aPidLabelThatIsNotANumberCountsAsDead() {
        String garbled = labResources(LabOwner.TEST_RUN, "not-a-pid");

        inventory.sweepAbandonedTestRuns();

        assertThat(inventory.leftovers(garbled)).isEmpty();
    }

    @Test
    void aTestRunFromAnotherPidNamespaceIsNotJudgedByItsPid() throws Exception {
        // Another sandbox or CI job on the same engine: its pid is meaningless here, whatever it is.
        String elsewhere = labResources(LabOwner.TEST_RUN, String.valueOf(deadProcessId()), "pid:[1]");

        inventory.sweepAbandonedTestRuns();

        assertThat(inventory.leftovers(elsewhere)).hasSize(2);
    }

    /** The pid of a process that has run and been reaped. */
    private static long deadProcessId() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        long pid = process.pid();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid + " alive").isFalse();
        return pid;
    }

    private String labResources(LabOwner owner, long pid) {
        return labResources(owner, String.valueOf(pid));
    }

    /** A created (not started) node container and a network, labelled as a lab's would be; returns the run id. */
    private String labResources(LabOwner owner, String pidLabel) {
        return labResources(owner, pidLabel, LabLabels.pidNamespace());
    }

    private String labResources(LabOwner owner, String pidLabel, String pidNamespace) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        runs.add(runId);
        Map<String, String> labels = new LinkedHashMap<>(LabLabels.forLab(LAB, runId, owner, "LabInventorySweepTest"));
        labels.put(LabLabels.PID, pidLabel);
        labels.put(LabLabels.PID_NAMESPACE, pidNamespace);
        Map<String, String> nodeLabels = new LinkedHashMap<>(labels);
        nodeLabels.put(LabLabels.NODE, "n1");
        nodeLabels.put(LabLabels.KIND, "host");
        docker.createContainerCmd(TestLabs.HOST_IMAGE).withName("flr-" + LAB + "-" + runId).withLabels(nodeLabels)
                .exec();
        // No subnet of ours: Docker picks a free one from its own pool, clashing with no lab.
        docker.createNetworkCmd().withName("flr-" + LAB + "-" + runId).withDriver("bridge").withInternal(true)
                .withLabels(labels).exec();
        return runId;
    }
}
