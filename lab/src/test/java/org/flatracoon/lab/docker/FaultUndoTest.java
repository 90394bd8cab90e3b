package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.flatracoon.lab.backend.Direction;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.Rate;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.fault.UnsupportedFaultException;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every fault the lab applies is undone: by the journal on demand, and when the lab closes with
 * faults still in force (as when a scenario fails half-way) — nothing of ours stays in a node,
 * and nothing of the lab stays on the engine.
 */
@RequiresDocker
class FaultUndoTest {

    private RunningLab lab;

    @AfterEach
    void removeTheLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void undoingAllFaultsLeavesTheNodesAsTheyWereAndTheLinksCarryingTrafficAgain() {
        lab = TestLabs.start("fault-undo.clab.yml");
        lab.link("x", "y").blackhole();
        lab.link("y", "z").loss(50, Direction.from("z"));
        lab.link("y", "z").rateLimit(Rate.parse("5mbit"), Direction.BOTH);
        lab.partition(Set.of("z"));
        lab.node("z").pause();
        assertThat(ourFaultsIn("y")).contains("chain bh_eth1", "chain loss_eth2", "chain cut1_eth2", "qdisc tbf");
        assertThat(new Ping(lab.node("x")).send("198.51.100.178", 2).received()).isZero();

        List<String> problems = lab.faults().undoAll();

        assertThat(problems).isEmpty();
        assertThat(lab.faults().inForce()).isEmpty();
        for (String node : List.of("x", "y", "z")) {
            assertThat(ourFaultsIn(node)).as("faults left in %s", node).isEmpty();
        }
        assertThat(TestLabs.awaitReply(lab.node("x"), "198.51.100.178").anyReply()).isTrue();
        assertThat(TestLabs.awaitReply(lab.node("y"), "198.51.100.186").anyReply()).isTrue();
        assertThat(paused("z")).isFalse();
        // Newest first: the thaw, then the heal, then the two links.
        List<FaultAction> undos = lab.faults().schedule().stream().skip(5).map(FaultEntry::action).toList();
        assertThat(undos).containsExactly(FaultAction.NODE_UNPAUSE, FaultAction.HEAL, FaultAction.LINK_CLEAR,
                FaultAction.LINK_CLEAR);
        assertThat(lab.faults().schedule()).allMatch(FaultEntry::applied);
    }

    @Test
    void faultsStillInForceWhenTheLabClosesAreUndoneAndRecordedAndTheLabLeavesNothing() {
        Timeline timeline = new Timeline();
        try (Timeline.Scope bound = Timeline.bind(timeline)) {
            lab = TestLabs.start("fault-undo.clab.yml");
            lab.link("x", "y").loss(10, Direction.BOTH);
            lab.node("y").pause();
            lab.node("z").stop();
            String runId = lab.runId();

            lab.close(); // as LabWorld does when a scenario failed with these faults in force

            assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();
        }
        List<String> faultEvents = timeline.events().stream().filter(e -> e.kind() == EventKind.FAULT)
                .map(e -> e.data().getOrDefault("action", "") + " " + e.subject()).toList();
        assertThat(faultEvents).containsExactly(
                "link loss link x:eth1 -- y:eth1", "node pause node y", "node stop node z",
                "node unpause node y", "link clear link x:eth1 -- y:eth1",
                " node z stopped"); // not started only to be removed; the timeline says so
        assertThat(timeline.events()).filteredOn(e -> e.kind() == EventKind.FAULT)
                .allMatch(e -> !e.detail().contains("could not"), "every undo succeeded");
    }

    @Test
    void aLinkFaultIsPutBackWhenANodeOnTheLinkStartsAgain() {
        lab = TestLabs.start("fault-undo.clab.yml");
        lab.link("x", "y").blackhole();
        lab.node("y").restart();

        assertThat(ourFaultsIn("y")).contains("chain bh_eth1");
        assertThat(new Ping(lab.node("x")).send("198.51.100.178", 3).received()).isZero();
        lab.link("x", "y").clear();
        assertThat(TestLabs.awaitReply(lab.node("x"), "198.51.100.178").anyReply()).isTrue();
    }

    @Test
    void aDelayIsAppliedWhereTheKernelHasNetemAndOtherwiseRefusedNamingItWithNothingChanged() {
        lab = TestLabs.start("fault-undo.clab.yml");
        Throwable refused = catchThrowable(() -> lab.link("x", "y").delay(Duration.ofMillis(50), Duration.ZERO));
        if (refused != null) {
            assertThat(refused).isInstanceOf(UnsupportedFaultException.class).hasMessageContaining("no netem")
                    .hasMessageContaining("x:eth1 -- y:eth1");
            assertThat(ourFaultsIn("x")).isEmpty();
            assertThat(lab.faults().schedule()).singleElement()
                    .satisfies(entry -> assertThat(entry.outcome()).startsWith("skipped: "));
            assertThat(lab.faults().inForce()).isEmpty();
        } else {
            assertThat(ourFaultsIn("x")).contains("qdisc netem");
        }
    }

    /** Our nft chains and our root qdisc in a node's namespace, one per line; empty when none. */
    private String ourFaultsIn(String node) {
        DockerNode target = (DockerNode) lab.node(node);
        ExecResult result = new NetnsHelper(TestLabs.docker()).run(target.containerId(),
                LabLabels.forLab(lab.name(), lab.runId(), LabOwner.TEST_RUN, ""), Duration.ofSeconds(20),
                "nft list table netdev " + LinkFaults.TABLE + " 2>/dev/null | grep -o 'chain [a-z0-9_]*'; "
                        + "for d in $(ls /sys/class/net); do tc qdisc show dev $d root | grep -oE '^qdisc (tbf|netem)'; done; true");
        return result.stdout().strip();
    }

    private boolean paused(String node) {
        return Boolean.TRUE.equals(TestLabs.docker().inspectContainerCmd(((DockerNode) lab.node(node)).containerId())
                .exec().getState().getPaused());
    }

}
