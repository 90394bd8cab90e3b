package org.flatracoon.lab.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a timeline.
 *
 * @param at when it happened (for a wait or step: when it ended)
 * @param subject what it is about, e.g. "link r1:eth1 -- r2:eth1" or "hesinfo alice passwd on ws"
 * @param detail what happened, in words
 * @param took how long it took, for waits and steps
 * @param data machine-readable parameters (fault parameters, seeds, budget names)
 */
public record TimelineEvent(Instant at, EventKind kind, String subject, String detail, Optional<Duration> took,
        Map<String, String> data) {

    /** Data key saying how a step or wait ended; {@link #FAILED} makes the event read as a failure. */
    public static final String OUTCOME = "outcome";
    public static final String FAILED = "failed";

    public TimelineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(took, "took");
        data = Map.copyOf(data);
    }

    public static TimelineEvent of(EventKind kind, String subject, String detail) {
        return new TimelineEvent(Instant.now(), kind, subject, detail, Optional.empty(), Map.of());
    }

    public static TimelineEvent timed(EventKind kind, String subject, String detail, Duration took) {
        return new TimelineEvent(Instant.now(), kind, subject, detail, Optional.of(took), Map.of());
    }

    public boolean failed() {
        return FAILED.equals(data.get(OUTCOME));
    }

    public TimelineEvent with(Map<String, String> moreData) {
        return new TimelineEvent(at, kind, subject, detail, took, moreData);
    }
}
