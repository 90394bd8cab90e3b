package org.flatracoon.netstack.hesiod.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of {@code GET /health}: {@code {"ready":true,"zones":[{"name":…,"role":…,"serial":…,"records":…}]}}. */
@JsonPropertyOrder({"ready", "zones"})
public record HealthReport(boolean ready, List<ZoneStatus> zones) {

    /** One served zone; {@code role} is {@code primary} or {@code secondary}. */
    @JsonPropertyOrder({"name", "role", "serial", "records"})
    public record ZoneStatus(String name, String role, long serial, int records) {

        /** A primary zone. */
        public ZoneStatus(String name, long serial, int records) {
            this(name, "primary", serial, records);
        }
    }
}
