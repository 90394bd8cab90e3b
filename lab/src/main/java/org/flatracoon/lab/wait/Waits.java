package org.flatracoon.lab.wait;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;

/**
 * Waits for an observable condition within a named budget and reports how long it took. The
 * failure message names the budget and what was last observed, never just "timed out". Every
 * wait, met or not, is recorded as a WAIT event on the thread's {@link Timeline}: the report's
 * wait-time table and history are made of these.
 */
public final class Waits {

    /** Data keys of the WAIT events on the timeline, and the values of {@link #OUTCOME}. */
    public static final String BUDGET = "budget";
    public static final String LIMIT = "limit";
    public static final String OUTCOME = TimelineEvent.OUTCOME;
    public static final String OUTCOME_MET = "met";
    public static final String OUTCOME_FAILED = TimelineEvent.FAILED;

    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    /** Polls {@code observe} until {@code done} accepts its value; returns that value and the time taken. */
    public static <T> Waited<T> until(Budget budget, String what, Callable<T> observe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Throwable> lastError = new AtomicReference<>();
        // Awaitility polls on a thread of its own: the probes it runs record on the caller's timeline.
        Timeline callers = Timeline.current();
        long start = System.nanoTime();
        try {
            Awaitility.await(what)
                    .atMost(budget.limit())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> {
                        try (Timeline.Scope onCallersTimeline = Timeline.bind(callers)) {
                            T value = observe.call();
                            last.set(value);
                            lastError.set(null);
                            return done.test(value);
                        } catch (Exception e) {
                            lastError.set(e);
                            return false;
                        }
                    });
        } catch (ConditionTimeoutException e) {
            String seen = lastError.get() != null
                    ? "last attempt failed: " + lastError.get().getMessage()
                    : "last observed: " + last.get();
            record(callers, budget, what, Duration.ofNanos(System.nanoTime() - start), OUTCOME_FAILED,
                    "not within budget; " + seen);
            throw new BudgetExceededException(what + " did not happen within " + budget + "; " + seen);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        record(callers, budget, what, took, OUTCOME_MET, "happened; last observed: " + last.get());
        return new Waited<>(last.get(), took);
    }

    private static void record(Timeline timeline, Budget budget, String what, Duration took, String outcome,
            String detail) {
        timeline.record(new TimelineEvent(Instant.now(), EventKind.WAIT, what, shorten(detail),
                Optional.of(took), Map.of(BUDGET, budget.name(), LIMIT, budget.limit().toString(), OUTCOME, outcome)));
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 297) + "...";
    }

    /** The value a wait ended on and how long it took. */
    public record Waited<T>(T value, Duration took) {
    }

    /** An eventual outcome did not come within its budget. */
    public static final class BudgetExceededException extends AssertionError {
        private static final long serialVersionUID = 1L;

        public BudgetExceededException(String message) {
            super(message);
        }
    }
}
