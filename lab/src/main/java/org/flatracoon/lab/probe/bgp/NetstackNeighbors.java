package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads our speaker's {@code GET /api/neighbors} (netstack-impl/bgp/README.md): {@code neighbors}
 * each with {@code address}, {@code state}, {@code uptimeSeconds}, {@code prefixes.accepted} and
 * {@code lastError}.
 */
final class NetstackNeighbors {

    private NetstackNeighbors() {
    }

    static List<BgpSession> parse(String json) {
        JsonNode root = FrrJson.read(json, "GET /api/neighbors");
        List<BgpSession> sessions = new ArrayList<>();
        for (JsonNode neighbor : root.path("neighbors")) {
            String state = neighbor.path("state").asText();
            Optional<Duration> uptime = state.equals("Established")
                    ? Optional.of(Duration.ofSeconds(neighbor.path("uptimeSeconds").asLong())) : Optional.empty();
            JsonNode lastError = neighbor.path("lastError");
            sessions.add(new BgpSession(Addresses.canonical(neighbor.path("address").asText()), state, uptime,
                    neighbor.path("prefixes").path("accepted").asInt(0),
                    lastError.isTextual() ? Optional.of(lastError.asText()) : Optional.empty()));
        }
        return sessions;
    }
}
