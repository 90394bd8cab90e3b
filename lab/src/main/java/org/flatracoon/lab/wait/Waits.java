package org.flatracoon.lab.wait;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits for an observable condition within a named budget and reports how long it took. The
 * failure message names the budget and what was last observed, never just "timed out".
 */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    /** Polls {@code observe} until {@code done} accepts its value; returns that value and the time taken. */
    public static <T> Waited<T> until(Budget budget, String what, Callable<T> observe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        AtomicReference<Throwable> lastError = new AtomicReference<>();
        long start = System.nanoTime();
        try {
            Awaitility.await(what)
                    .atMost(budget.limit())
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .until(() -> {
                        try {
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
            throw new BudgetExceededException(what + " did not happen within " + budget + "; " + seen);
        }
        return new Waited<>(last.get(), Duration.ofNanos(System.nanoTime() - start));
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
