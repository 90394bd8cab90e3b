package org.flatracoon.netstack.hesiod.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The body of {@code POST /reload}: per zone, what happened. {@code ok} is false (HTTP 422) if a zone file had
 * problems; such a zone keeps being served as it was.
 */
@JsonPropertyOrder({"ok", "zones"})
public record ReloadReport(boolean ok, List<ZoneReload> zones) {

    public ReloadReport(List<ZoneReload> zones) {
        this(zones.stream().noneMatch(z -> z.result().equals("failed")), List.copyOf(zones));
    }

    /**
     * @param result  {@code reloaded}, {@code unchanged}, {@code failed}, or {@code refresh} (secondary zone)
     * @param serial  the serial served after the reload
     * @param problems for {@code failed}: {@code file:line: message}, one per problem
     */
    @JsonPropertyOrder({"name", "file", "result", "serial", "message", "problems"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneReload(String name, String file, String result, long serial, String message,
                             List<String> problems) {
    }
}
