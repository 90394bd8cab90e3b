package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the report knows about one finished scenario (one Cucumber test case).
 *
 * @param sequence     order in which the scenario started; keeps the index in run order
 * @param evidencePath the evidence folder relative to the run folder, with '/' separators
 * @param error        why it did not pass, or null
 * @param problems     evidence that could not be written; shown rather than hidden
 * @param waits        the waits its timeline.json recorded, in order
 */
record ScenarioResult(
        int sequence,
        String feature,
        String name,
        URI uri,
        int line,
        List<String> tags,
        Status status,
        Instant started,
        Instant finished,
        Duration duration,
        List<StepResult> steps,
        String error,
        String evidencePath,
        List<SavedAttachment> attachments,
        List<String> problems,
        List<WaitSample> waits) {

    /** Attachments the index links to by name, beside the evidence folder. */
    static final String TIMELINE_HTML = "timeline.html";
    static final String PICTURE = "topology.svg";

    ScenarioResult {
        waits = List.copyOf(waits);
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    /** The saved file of the attachment the steps gave this name, if any. */
    Optional<String> attachment(String name) {
        return attachments.stream().filter(a -> name.equals(a.name())).map(SavedAttachment::file).findFirst();
    }

    Outcome outcome() {
        return Outcome.of(status);
    }
}
