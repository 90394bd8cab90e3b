package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Status;
import java.time.Duration;

/**
 * One finished Gherkin step, or a hook that did not pass.
 *
 * @param keyword "Given", "When"… or the hook type ("Before", "After"…)
 * @param text    the step text, or the hook's code location
 * @param error   the failure message, or null
 */
record StepResult(String keyword, String text, int line, Status status, Duration duration, String error) {

    String display() {
        return keyword + " " + text;
    }
}
