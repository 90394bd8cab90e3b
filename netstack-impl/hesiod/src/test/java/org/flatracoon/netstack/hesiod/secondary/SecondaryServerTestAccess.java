package org.flatracoon.netstack.hesiod.secondary;

import java.util.concurrent.Callable;

/** Polling with a deadline for the tests of this package. */
final class SecondaryServerTestAccess {
    private SecondaryServerTestAccess() {
    }

    static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10); // polling interval
        }
    }
}
