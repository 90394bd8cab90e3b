package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads FRR's {@code show bgp neighbors json}: one object per neighbour address with
 * {@code bgpState}, {@code bgpTimerUpMsec}, per address family {@code acceptedPrefixCounter}, and
 * after a NOTIFICATION {@code lastNotificationReason} ("Cease/Maximum Number of Prefixes Reached")
 * and {@code lastErrorCodeSubcode} ("0601").
 */
final class FrrNeighbors {

    private FrrNeighbors() {
    }

    static List<BgpSession> parse(String json) {
        JsonNode root = FrrJson.read(json, "show bgp neighbors json");
        List<BgpSession> sessions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> neighbour = it.next();
            JsonNode peer = neighbour.getValue();
            if (!peer.has("bgpState")) {
                continue; // peer groups and the like
            }
            String state = peer.get("bgpState").asText();
            Optional<Duration> uptime = state.equals("Established") && peer.has("bgpTimerUpMsec")
                    ? Optional.of(Duration.ofMillis(peer.get("bgpTimerUpMsec").asLong())) : Optional.empty();
            int prefixes = 0;
            for (JsonNode family : peer.path("addressFamilyInfo")) {
                prefixes += family.path("acceptedPrefixCounter").asInt(0);
            }
            Optional<String> lastError = Optional.ofNullable(peer.get("lastNotificationReason")).map(JsonNode::asText)
                    .map(reason -> reason + Optional.ofNullable(peer.get("lastErrorCodeSubcode")).map(JsonNode::asText)
                            .map(code -> " (" + code + ")").orElse(""));
            sessions.add(new BgpSession(Addresses.canonical(neighbour.getKey()), state, uptime, prefixes, lastError));
        }
        return sessions;
    }
}
