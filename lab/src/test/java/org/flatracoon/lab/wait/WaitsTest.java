package org.flatracoon.lab.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;
import org.flatracoon.lab.wait.Waits.BudgetExceededException;
import org.flatracoon.lab.wait.Waits.Waited;
import org.junit.jupiter.api.Test;

/** Waiting for an observable condition within a named budget, and what the wait reports. */
class WaitsTest {

    private static final Budget TWO_SECONDS = new Budget("test-wait", Duration.ofSeconds(2));
    private static final Budget HALF_A_SECOND = new Budget("test-short", Duration.ofMillis(500));

    @Test
    void anImmediateOutcomeIsObservedOnceAndTakesAlmostNoTime() {
        AtomicInteger observations = new AtomicInteger();

        Waited<String> waited = Waits.until(TWO_SECONDS, "ready", () -> {
            observations.incrementAndGet();
            return "ready";
        }, "ready"::equals);

        assertThat(waited.value()).isEqualTo("ready");
        assertThat(observations).hasValue(1);
        assertThat(waited.took()).isLessThan(Duration.ofMillis(200));
    }

    @Test
    void returnsTheValueThatSatisfiedTheConditionAndTheMeasuredTime() {
        long start = System.nanoTime();
        AtomicInteger counter = new AtomicInteger();

        Waited<Integer> waited = Waits.until(TWO_SECONDS, "counter reaches 3", counter::incrementAndGet, n -> n >= 3);

        Duration around = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited.value()).isEqualTo(3);
        // two polls after the first one, one poll interval (200 ms) apart
        assertThat(waited.took()).isGreaterThanOrEqualTo(Duration.ofMillis(350)).isLessThanOrEqualTo(around);
    }

    @Test
    void aFailedObservationIsRetried() {
        AtomicInteger attempts = new AtomicInteger();

        Waited<String> waited = Waits.until(TWO_SECONDS, "service answers", () -> {
            if (attempts.incrementAndGet() < 2) {
                throw new IllegalStateException("connection refused");
            }
            return "up";
        }, "up"::equals);

        assertThat(waited.value()).isEqualTo("up");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void failureNamesWhatWasAwaitedTheBudgetAndTheLastObservation() {
        AtomicInteger counter = new AtomicInteger();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> Waits.until(HALF_A_SECOND, "node x ready",
                () -> "state-" + counter.incrementAndGet(), state -> false));

        assertThat(failure).isInstanceOf(BudgetExceededException.class).isInstanceOf(AssertionError.class);
        java.util.regex.Matcher message = java.util.regex.Pattern.compile(
                "node x ready did not happen within the test-short budget \\(0\\.5 s\\); last observed: state-(\\d+)")
                .matcher(failure.getMessage());
        assertThat(message.matches()).as(failure.getMessage()).isTrue();
        // the last observation, not the first: it polled several times within half a second
        assertThat(Integer.parseInt(message.group(1))).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(counter.get());
    }

    @Test
    void failureAfterFailingObservationsGivesTheLastError() {
        assertThatThrownBy(() -> Waits.until(HALF_A_SECOND, "dns answers", () -> {
            throw new IllegalStateException("no servers could be reached");
        }, value -> true))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessage("dns answers did not happen within the test-short budget (0.5 s); "
                        + "last attempt failed: no servers could be reached");
    }

    @Test
    void aWaitEndsWithinItsBudget() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> Waits.until(HALF_A_SECOND, "never", () -> "no", value -> false))
                .isInstanceOf(BudgetExceededException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aMetWaitIsOnTheTimelineWithItsBudgetAndMeasuredTime() {
        Timeline timeline = new Timeline();
        Waited<String> waited;
        try (Timeline.Scope bound = Timeline.bind(timeline)) {
            waited = Waits.until(TWO_SECONDS, "zone copied", () -> "serial 7", value -> true);
        }

        assertThat(timeline.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(EventKind.WAIT);
            assertThat(event.subject()).isEqualTo("zone copied");
            assertThat(event.took()).contains(waited.took());
            assertThat(event.data()).containsEntry("budget", "test-wait").containsEntry("limit", "PT2S")
                    .containsEntry("outcome", "met");
            assertThat(event.failed()).isFalse();
        });
    }

    @Test
    void aWaitThatRunsOutIsOnTheTimelineAsFailedWithWhatWasLastSeen() {
        Timeline timeline = new Timeline();
        try (Timeline.Scope bound = Timeline.bind(timeline)) {
            assertThatThrownBy(() -> Waits.until(HALF_A_SECOND, "b answers", () -> "0 replies", value -> false))
                    .isInstanceOf(BudgetExceededException.class);
        }

        TimelineEvent event = timeline.events().get(0);
        assertThat(event.failed()).isTrue();
        assertThat(event.detail()).contains("0 replies");
        assertThat(event.took().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(event.data()).containsEntry("budget", "test-short");
    }

    @Test
    void whatIsObservedDuringAWaitIsOnTheCallersTimeline() {
        Timeline timeline = new Timeline();
        try (Timeline.Scope bound = Timeline.bind(timeline)) {
            Waits.until(TWO_SECONDS, "probe recorded", () -> {
                Timeline.current().record(TimelineEvent.of(EventKind.PROBE, "ping", "1/1 replies"));
                return true;
            }, done -> done);
        }

        assertThat(timeline.events()).extracting(TimelineEvent::kind).containsExactly(EventKind.PROBE, EventKind.WAIT);
    }
}
