package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A run's waits per budget: every figure is one of the measured waits. */
class WaitStatsTest {

    private static WaitSample wait(String budget, long millis, boolean met) {
        return new WaitSample("s", budget, "x", Duration.ofMillis(millis), Duration.ofSeconds(10), met);
    }

    @Test
    void minMedianP95AndMaxAreNearestRankFiguresPerBudget() {
        List<WaitSample> samples = new java.util.ArrayList<>(IntStream.rangeClosed(1, 20)
                .mapToObj(i -> wait("link-change", i * 100L, true)).toList());
        samples.add(wait("dns-answer", 40, true));
        samples.add(wait("dns-answer", 10, false));

        List<WaitStats> stats = WaitStats.perBudget(samples);

        assertThat(stats).extracting(WaitStats::budget).containsExactly("dns-answer", "link-change");
        WaitStats link = stats.get(1);
        assertThat(link.count()).isEqualTo(20);
        assertThat(link.min()).isEqualTo(Duration.ofMillis(100));
        assertThat(link.median()).isEqualTo(Duration.ofMillis(1000));
        assertThat(link.p95()).isEqualTo(Duration.ofMillis(1900));
        assertThat(link.max()).isEqualTo(Duration.ofMillis(2000));
        assertThat(link.limit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(link.maxShareOfLimit()).isEqualTo(0.2);
        WaitStats dns = stats.get(0);
        assertThat(dns.median()).isEqualTo(Duration.ofMillis(10));
        assertThat(dns.failed()).isEqualTo(1);
    }

    @Test
    void aSingleWaitIsEveryFigure() {
        WaitStats one = WaitStats.perBudget(List.of(wait("b", 7, true))).get(0);

        assertThat(List.of(one.min(), one.median(), one.p95(), one.max())).containsOnly(Duration.ofMillis(7));
    }

    @Test
    void waitsAreReadFromTheWaitEventsOfATimelineOnly() {
        List<WaitSample> waits = WaitSample.fromTimeline("sc", """
                {"events": [{"kind": "PROBE", "tookMillis": 5},
                            {"kind": "WAIT", "subject": "b answers", "tookMillis": 250, "data": {"budget": "dns-answer", "limit": "PT10S"}},
                            {"kind": "WAIT", "subject": "no budget", "tookMillis": 3, "data": {"limit": "soon"}}]}""");

        assertThat(waits).containsExactly(
                new WaitSample("sc", "dns-answer", "b answers", Duration.ofMillis(250), Duration.ofSeconds(10), true),
                new WaitSample("sc", "unnamed", "no budget", Duration.ofMillis(3), null, true));
    }
}
