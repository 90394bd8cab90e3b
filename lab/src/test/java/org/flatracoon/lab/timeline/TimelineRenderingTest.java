package org.flatracoon.lab.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** timeline.json and timeline.html say what happened, when, and how long it took. */
class TimelineRenderingTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private static Timeline sample() {
        Timeline timeline = new Timeline(START);
        timeline.record(new TimelineEvent(START.plusMillis(10), EventKind.STEP, "When the link between a and b goes down",
                "started", Optional.empty(), Map.of()));
        timeline.record(new TimelineEvent(START.plusMillis(250), EventKind.FAULT, "link a:eth1 -- b:eth1", "down",
                Optional.empty(), Map.of("seed", "42")));
        timeline.record(new TimelineEvent(START.plusMillis(1750), EventKind.PROBE, "ping 198.51.100.2 from a",
                "0/1 replies <lost>", Optional.of(Duration.ofMillis(1003)), Map.of()));
        timeline.record(new TimelineEvent(START.plusMillis(2500), EventKind.WAIT, "a stops reaching b",
                "not within budget", Optional.of(Duration.ofMillis(2240)),
                Map.of("budget", "link-change", "limit", "PT2S", "outcome", "failed")));
        return timeline;
    }

    @Test
    void jsonHasEveryEventWithItsOffsetDurationAndData() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TimelineJson.render(sample()));

        assertThat(json.get("started").asText()).isEqualTo("2026-01-02T03:04:05Z");
        JsonNode events = json.get("events");
        assertThat(events).hasSize(4);
        assertThat(events.get(0).get("kind").asText()).isEqualTo("STEP");
        assertThat(events.get(0).has("tookMillis")).as("a step start has no duration").isFalse();
        JsonNode wait = events.get(3);
        assertThat(wait.get("offsetMillis").asLong()).isEqualTo(2500);
        assertThat(wait.get("tookMillis").asLong()).isEqualTo(2240);
        assertThat(wait.get("at").asText()).isEqualTo("2026-01-02T03:04:07.500Z");
        assertThat(wait.get("data").get("budget").asText()).isEqualTo("link-change");
        assertThat(wait.get("data").get("outcome").asText()).isEqualTo("failed");
        assertThat(events.get(1).get("data").get("seed").asText()).isEqualTo("42");
    }

    @Test
    void htmlShowsOffsetsDurationsFaultsAndFailures() {
        String html = TimelineHtml.render("a link that goes down", sample());

        assertThat(html).contains("<title>Timeline: a link that goes down</title>");
        assertThat(html).contains("<tr class=\"step\"><td class=\"num\">+0.010</td><td class=\"kind\">STEP</td>");
        assertThat(html).contains("<tr class=\"fault\"><td class=\"num\">+0.250</td>");
        assertThat(html).contains("<tr class=\"failed\"><td class=\"num\">+2.500</td><td class=\"kind\">WAIT</td>"
                + "<td>a stops reaching b</td>");
        assertThat(html).contains("<td class=\"num\">2.24 s</td>").contains("<td class=\"num\">1.00 s</td>");
        assertThat(html).contains("budget=link-change limit=PT2S outcome=failed");
        assertThat(html).contains("1 step, 1 fault, 1 probe, 1 wait, 1 failed");
    }

    @Test
    void htmlEscapesWhatProbesObserved() {
        String html = TimelineHtml.render("<script>", sample());

        assertThat(html).contains("0/1 replies &lt;lost&gt;").contains("Timeline: &lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void anEmptyTimelineSaysSo() {
        assertThat(TimelineHtml.render("nothing", new Timeline(START))).contains("Nothing was recorded.");
    }
}
