package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.flatracoon.lab.probe.PcapFile;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.TimelineEvent;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Waits;

/** Steps about the evidence a scenario leaves: its packet captures and its timeline. */
public final class EvidenceSteps {

    private static final int ECHO_REQUEST = 8;
    private static final int ECHO_REPLY = 0;

    private final LabWorld world;
    private final ScenarioEvidence evidence;

    public EvidenceSteps(LabWorld world, ScenarioEvidence evidence) {
        this.world = world;
        this.evidence = evidence;
    }

    @Then("the capture of the link between {word} and {word} holds {word}'s echo requests and {word}'s replies")
    public void captureHoldsEchoes(String a, String b, String requester, String replier) throws IOException {
        PcapFile capture = PcapFile.read(world.captureOfLinkBetween(a, b));
        String from = world.addressFacing(requester, replier);
        String to = world.addressFacing(replier, requester);

        assertThat(capture.icmp(ECHO_REQUEST, from, to)).as("echo requests %s → %s captured", from, to).isPositive();
        assertThat(capture.icmp(ECHO_REPLY, to, from)).as("echo replies %s → %s captured", to, from).isPositive();
    }

    @Then("the capture of the link between {word} and {word} holds no echo request from {word}")
    public void captureHoldsNoEchoFrom(String a, String b, String sender) throws IOException {
        Path file = world.captureOfLinkBetween(a, b);
        PcapFile capture = PcapFile.read(file);
        String from = world.firstAddressOf(sender);

        assertThat(capture.icmpFrom(ECHO_REQUEST, from)).as("echo requests from %s in %s", from, file.getFileName()).isZero();
    }

    @Then("the timeline shows that wait within the {budget} budget, after the step that brought the link back")
    public void timelineShowsTheWait(Budget budget) {
        List<TimelineEvent> events = evidence.timeline().events();
        int stepStarted = indexOf(events, e -> e.kind() == EventKind.STEP && e.subject().endsWith("comes back up")
                && e.detail().equals("started"));
        assertThat(stepStarted).as("the step that brought the link back is on the timeline: %s", events).isNotNegative();

        List<TimelineEvent> waits = events.subList(stepStarted, events.size()).stream()
                .filter(e -> e.kind() == EventKind.WAIT && budget.name().equals(e.data().get(Waits.BUDGET)))
                .toList();
        assertThat(waits).as("waits within %s after that step", budget).isNotEmpty();
        TimelineEvent wait = waits.get(waits.size() - 1);
        assertThat(wait.data()).containsEntry(Waits.OUTCOME, Waits.OUTCOME_MET)
                .containsEntry(Waits.LIMIT, budget.limit().toString());
        assertThat(wait.took()).as("measured time").isPresent();
        assertThat(wait.took().orElseThrow()).isLessThanOrEqualTo(budget.limit());
    }

    private static int indexOf(List<TimelineEvent> events, java.util.function.Predicate<TimelineEvent> match) {
        for (int i = 0; i < events.size(); i++) {
            if (match.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
