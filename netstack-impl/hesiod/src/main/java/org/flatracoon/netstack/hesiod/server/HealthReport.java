package org.flatracoon.netstack.hesiod.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of {@code GET /health}: {@code {"ready":true,"zones":[{"name":…,"serial":…,"records":…}]}}. */
@JsonPropertyOrder({"ready", "zones"})
public record HealthReport(boolean ready, List<ZoneStatus> zones) {

    /** One served zone. */
    @JsonPropertyOrder({"name", "serial", "records"})
    public record ZoneStatus(String name, long serial, int records) {
    }
}
