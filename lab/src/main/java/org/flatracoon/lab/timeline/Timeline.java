package org.flatracoon.lab.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened during one scenario (or one `lab` session), in order. A scenario binds its
 * timeline to the thread that runs it, so waits, probes and faults record into it without
 * being handed it; with nothing bound they record into a timeline nobody reads.
 */
public final class Timeline {

    private static final ThreadLocal<Timeline> CURRENT = new ThreadLocal<>();

    private final Instant started;
    private final List<TimelineEvent> events = new ArrayList<>();

    public Timeline() {
        this(Instant.now());
    }

    public Timeline(Instant started) {
        this.started = started;
    }

    /** The timeline bound to this thread, or a detached one. */
    public static Timeline current() {
        Timeline bound = CURRENT.get();
        return bound != null ? bound : new Timeline();
    }

    /** Binds {@code timeline} to this thread until the returned scope is closed. */
    public static Scope bind(Timeline timeline) {
        Timeline previous = CURRENT.get();
        CURRENT.set(timeline);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** When the timeline began: offsets in its renderings count from here. */
    public Instant started() {
        return started;
    }

    public synchronized void record(TimelineEvent event) {
        events.add(event);
    }

    /** A copy of the events so far, in the order they were recorded. */
    public synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }

    /** Ends a {@link #bind} without checked exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
