package org.flatracoon.lab.backend;

import java.time.Duration;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * One point-to-point link of a running lab and the faults it can suffer. Every fault is recorded
 * in the lab's fault journal (with its offset from lab-ready) and undone when the lab closes.
 */
public interface LabLink {

    LinkSpec spec();

    /** Carrier loss on both ends: both interfaces go down. */
    void down();

    /** Both interfaces come back up. */
    void up();

    /** Every packet crossing the link is silently dropped, both ways; the interfaces stay up. */
    void blackhole();

    /**
     * Drops {@code percent} of the packets sent the given way, each one independently at random
     * (the kernel's random numbers: the rate is reproducible, the exact packets are not).
     * Replaces an earlier loss on the same direction.
     */
    void loss(double percent, Direction direction);

    /** Limits what is sent the given way to {@code rate} (token bucket); excess waits, then is dropped. */
    void rateLimit(Rate rate, Direction direction);

    /**
     * Delays every packet both ways by {@code delay}, varied by up to {@code jitter}.
     *
     * @throws org.flatracoon.lab.fault.UnsupportedFaultException when the kernel cannot delay packets (no netem); nothing changed
     */
    void delay(Duration delay, Duration jitter);

    /** Removes every fault of this link except carrier loss (see {@link #up()}): blackhole, loss, rate, delay, cuts. */
    void clear();
}
