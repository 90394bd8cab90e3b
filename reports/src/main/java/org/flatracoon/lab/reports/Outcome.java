package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.Status;
import java.util.Locale;

/** The three buckets a run summary counts. Cucumber runs strict: pending, undefined and ambiguous fail. */
enum Outcome {
    PASSED, FAILED, SKIPPED;

    static Outcome of(Status status) {
        return switch (status) {
            case PASSED -> PASSED;
            case SKIPPED, UNUSED -> SKIPPED;
            case FAILED, PENDING, UNDEFINED, AMBIGUOUS -> FAILED;
        };
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
