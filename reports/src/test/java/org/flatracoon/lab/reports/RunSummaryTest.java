package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Status;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void scenariosThatOverlappedInTimeShowHowManyRanAtOnce() {
        RunSummary run = new RunSummary("run-x", T0, T0.plusSeconds(10),
                List.of(scenario(1, 10), scenario(2, 9), scenario(3, 6)), null);

        assertThat(run.scenarioTime()).isEqualTo(Duration.ofSeconds(25));
        assertThat(run.concurrency()).isEqualTo(2.5);
        assertThat(IndexPage.render(run)).contains("scenarios' own time 25.0 s, 2.5 at a time on average");
    }

    @Test
    void aSerialRunSaysNothingAboutConcurrency() {
        RunSummary run = new RunSummary("run-y", T0, T0.plusSeconds(10), List.of(scenario(1, 4), scenario(2, 5)), null);

        assertThat(run.concurrency()).isLessThan(1.0);
        assertThat(IndexPage.render(run)).doesNotContain("at a time");
    }

    private static ScenarioResult scenario(int sequence, int seconds) {
        return new ScenarioResult(sequence, "f", "s" + sequence, URI.create("classpath:f.feature"), sequence, List.of(),
                Status.PASSED, T0, T0.plusSeconds(seconds), Duration.ofSeconds(seconds), List.of(), null,
                "evidence/s" + sequence, List.of(), List.of(), List.of());
    }
}
