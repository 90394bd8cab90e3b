package org.flatracoon.netstack.hesiod.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The body of {@code GET /health}: {@code {"ready":true,"zones":[{"name":…,"role":…,"loaded":…,"serial":…,"records":…}]}}. */
@JsonPropertyOrder({"ready", "zones"})
public record HealthReport(boolean ready, List<ZoneStatus> zones) {

    /**
     * One served zone; {@code role} is {@code primary} or {@code secondary}; {@code loaded} is false for a
     * secondary zone without data (before its first transfer, or expired): its queries get SERVFAIL, serial
     * and records are then 0. Readiness does not depend on it.
     */
    @JsonPropertyOrder({"name", "role", "loaded", "serial", "records"})
    public record ZoneStatus(String name, String role, boolean loaded, long serial, int records) {

        /** A primary zone. */
        public ZoneStatus(String name, long serial, int records) {
            this(name, "primary", true, serial, records);
        }
    }
}
