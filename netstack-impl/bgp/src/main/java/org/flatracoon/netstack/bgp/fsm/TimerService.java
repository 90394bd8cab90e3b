package org.flatracoon.netstack.bgp.fsm;

/** Schedules callbacks on the thread that drives the state machine; the seam that lets tests turn the clock. */
public interface TimerService {
    Timer schedule(long delayMillis, Runnable task);

    long nowMillis();

    /** A scheduled callback; cancelling one that already ran does nothing. */
    interface Timer {
        void cancel();
    }
}
