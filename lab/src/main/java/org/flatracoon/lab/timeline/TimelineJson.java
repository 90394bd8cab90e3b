package org.flatracoon.lab.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * timeline.json: {@code {"started": ISO, "events": [{"at", "offsetMillis", "kind", "subject",
 * "detail", "tookMillis"?, "data": {…}}]}}. Times are ISO-8601 UTC; offsets count from when the
 * timeline began. The report reads its WAIT events back (budget, limit, outcome in {@code data}).
 */
public final class TimelineJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TimelineJson() {
    }

    public static String render(Timeline timeline) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", timeline.started().toString());
        json.put("events", timeline.events().stream().map(event -> event(timeline, event)).toList());
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a timeline of strings and numbers is always JSON", e);
        }
    }

    private static Map<String, Object> event(Timeline timeline, TimelineEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("offsetMillis", Duration.between(timeline.started(), event.at()).toMillis());
        json.put("kind", event.kind().name());
        json.put("subject", event.subject());
        json.put("detail", event.detail());
        event.took().ifPresent(took -> json.put("tookMillis", took.toMillis()));
        json.put("data", new TreeMap<>(event.data())); // sorted: stable output, easy diffs between runs
        return json;
    }
}
