package org.flatracoon.lab.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One finished run: the input of the index page and of summary.json.
 *
 * @param runName  the run folder's name, used as the page title
 * @param runError a failure outside any scenario (a BeforeAll hook, bad glue), or null
 */
record RunSummary(String runName, Instant started, Instant finished, List<ScenarioResult> scenarios, String runError) {

    RunSummary {
        scenarios = scenarios.stream().sorted(Comparator.comparingInt(ScenarioResult::sequence)).toList();
    }

    long count(Outcome outcome) {
        return scenarios.stream().filter(s -> s.outcome() == outcome).count();
    }

    Duration duration() {
        return started == null || finished == null ? Duration.ZERO : Duration.between(started, finished);
    }

    /** The scenarios' own durations added up: more than {@link #duration()} when scenarios ran in parallel. */
    Duration scenarioTime() {
        return scenarios.stream().map(ScenarioResult::duration).filter(d -> d != null).reduce(Duration.ZERO, Duration::plus);
    }

    /** How many scenarios ran at once on average: scenario time over wall time (1.0 for a serial run). */
    double concurrency() {
        long wall = duration().toMillis();
        return wall == 0 ? 1.0 : (double) scenarioTime().toMillis() / wall;
    }

    boolean passed() {
        return runError == null && count(Outcome.FAILED) == 0;
    }

    /** What a reader wants first: failures (in run order), then everything else in run order. */
    List<ScenarioResult> failedFirst() {
        return scenarios.stream()
                .sorted(Comparator.comparing((ScenarioResult s) -> s.outcome() != Outcome.FAILED)
                        .thenComparingInt(ScenarioResult::sequence))
                .toList();
    }
}
