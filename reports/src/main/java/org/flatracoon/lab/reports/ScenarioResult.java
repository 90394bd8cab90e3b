package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the report knows about one finished scenario (one Cucumber test case).
 *
 * @param sequence     order in which the scenario started; keeps the index in run order
 * @param evidencePath the evidence folder relative to the run folder, with '/' separators
 * @param error        why it did not pass, or null
 * @param problems     evidence that could not be written; shown rather than hidden
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
        List<String> problems) {

    ScenarioResult {
        tags = List.copyOf(tags);
        steps = List.copyOf(steps);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
    }

    Outcome outcome() {
        return Outcome.of(status);
    }
}
