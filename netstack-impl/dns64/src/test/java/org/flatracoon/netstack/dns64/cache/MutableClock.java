package org.flatracoon.netstack.dns64.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when the test says so. */
public final class MutableClock implements InstantSource {
    private Instant now = Instant.parse("2026-11-26T00:00:00Z");

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}
