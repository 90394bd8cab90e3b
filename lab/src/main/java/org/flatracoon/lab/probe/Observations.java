package org.flatracoon.lab.probe;

import java.time.Duration;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;

/** Puts what a probe observed on the thread's timeline, in one short line. */
final class Observations {

    private static final int MAX_DETAIL = 200;

    private Observations() {
    }

    /** @param startNanos {@link System#nanoTime()} when the probe began */
    static void record(String subject, String observed, long startNanos) {
        Timeline.current().record(TimelineEvent.timed(EventKind.PROBE, subject, shorten(observed),
                Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    static String shorten(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 3) + "...";
    }
}
