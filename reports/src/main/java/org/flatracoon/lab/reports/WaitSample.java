package org.flatracoon.lab.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One measured wait of a scenario, read from the WAIT events of its timeline.json.
 *
 * @param budget the named budget it waited within ("link-change")
 * @param what   what it waited for, in words
 * @param limit  the budget's limit, or null when the timeline did not say
 * @param met    false when the budget ran out
 */
record WaitSample(String scenario, String budget, String what, Duration took, Duration limit, boolean met) {

    /** The attachment name the scenarios give their timeline, and that the report reads waits from. */
    static final String TIMELINE_JSON = "timeline.json";

    /** The WAIT events of a timeline.json; other events are not waits. */
    static List<WaitSample> fromTimeline(String scenario, String json) {
        Object root = JsonReader.read(json);
        if (!(root instanceof Map<?, ?> timeline) || !(timeline.get("events") instanceof List<?> events)) {
            throw new IllegalArgumentException("no \"events\" list");
        }
        List<WaitSample> waits = new ArrayList<>();
        for (Object item : events) {
            if (item instanceof Map<?, ?> event && "WAIT".equals(event.get("kind"))
                    && event.get("tookMillis") instanceof Number took) {
                Map<?, ?> data = event.get("data") instanceof Map<?, ?> map ? map : Map.of();
                waits.add(new WaitSample(scenario, data.get("budget") == null ? "unnamed" : String.valueOf(data.get("budget")),
                        String.valueOf(event.get("subject")), Duration.ofMillis(took.longValue()),
                        limit(data.get("limit")), !"failed".equals(data.get("outcome"))));
            }
        }
        return waits;
    }

    private static Duration limit(Object text) {
        try {
            return text == null ? null : Duration.parse(String.valueOf(text));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
