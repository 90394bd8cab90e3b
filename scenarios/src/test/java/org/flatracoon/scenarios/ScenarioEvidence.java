package org.flatracoon.scenarios;

import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;
import org.flatracoon.lab.timeline.TimelineHtml;
import org.flatracoon.lab.timeline.TimelineJson;

/**
 * One scenario's evidence beyond what its lab attaches: its timeline, bound to the scenario's
 * thread while it runs and attached as timeline.json and timeline.html when it ends; and whether
 * its packet captures are kept.
 *
 * <p>Captures: {@code -Dlab.capture=on-failure} (the default: capture always, keep the files
 * only when the scenario failed), {@code always} (keep them; a {@code @capture} tag asks the same
 * for one scenario) or {@code never} (no capture at all, the lab starts faster).
 */
public final class ScenarioEvidence {

    static final String CAPTURE_PROPERTY = "lab.capture";
    static final String CAPTURE_TAG = "@capture";

    /** When a scenario's packet captures are taken and kept. */
    enum CapturePolicy {
        NEVER, ON_FAILURE, ALWAYS;

        static CapturePolicy of(String value) {
            String normalised = value == null || value.isBlank() ? "on-failure" : value.strip().toLowerCase(Locale.ROOT);
            return switch (normalised) {
                case "never", "off", "false" -> NEVER;
                case "on-failure" -> ON_FAILURE;
                case "always", "true" -> ALWAYS;
                default -> throw new IllegalArgumentException("-D" + CAPTURE_PROPERTY + "=" + value
                        + " is not one of never, on-failure, always");
            };
        }
    }

    private final Timeline timeline = new Timeline();
    private Timeline.Scope bound;
    private Scenario scenario;

    void begin(Scenario scenario) {
        this.scenario = scenario;
        bound = Timeline.bind(timeline);
    }

    Timeline timeline() {
        return timeline;
    }

    /** Whether this scenario's lab captures its links at all. */
    boolean captures() {
        return capturePolicy() != CapturePolicy.NEVER;
    }

    /** Whether the captures are attached to the report now that the scenario has ended so. */
    boolean keepCaptures(boolean failed) {
        return switch (capturePolicy()) {
            case NEVER -> false;
            case ON_FAILURE -> failed;
            case ALWAYS -> true;
        };
    }

    void note(String subject, String detail) {
        timeline.record(TimelineEvent.of(EventKind.NOTE, subject, detail));
    }

    /** Attaches the timeline in both forms and unbinds it; the report reads the waits from the JSON. */
    void end() {
        try {
            if (scenario != null) {
                long start = System.nanoTime();
                scenario.attach(TimelineJson.render(timeline).getBytes(StandardCharsets.UTF_8), "application/json",
                        "timeline.json");
                scenario.attach(TimelineHtml.render(scenario.getName(), timeline).getBytes(StandardCharsets.UTF_8),
                        "text/html", "timeline.html");
                scenario.log("timeline: " + timeline.events().size() + " events, written in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        } finally {
            if (bound != null) {
                bound.close();
                bound = null;
            }
        }
    }

    private CapturePolicy capturePolicy() {
        if (scenario != null && scenario.getSourceTagNames().contains(CAPTURE_TAG)) {
            return CapturePolicy.ALWAYS;
        }
        return CapturePolicy.of(System.getProperty(CAPTURE_PROPERTY));
    }
}
