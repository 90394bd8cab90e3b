package org.flatracoon.lab.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * The route the node's kernel actually uses towards an address ({@code ip -j route get}): what
 * traffic does, whatever the routing daemon believes.
 *
 * @param device  the interface the packet leaves by
 * @param gateway the next router, empty when the address is on the link itself (or local)
 */
public record InstalledRoute(String destination, String device, Optional<String> gateway) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kernel's route from {@code node} to {@code address}; empty when it has none (unreachable). */
    public static Optional<InstalledRoute> lookup(LabNode node, String address) {
        ExecResult result = node.exec("ip", "-j", address.contains(":") ? "-6" : "-4", "route", "get", address);
        if (!result.succeeded()) {
            // "RTNETLINK answers: Network is unreachable" (no route, or an unreachable/blackhole one)
            return Optional.empty();
        }
        return Optional.of(parse(result.stdout()));
    }

    static InstalledRoute parse(String json) {
        try {
            JsonNode route = JSON.readTree(json);
            JsonNode first = route != null && route.isArray() && !route.isEmpty() ? route.get(0) : null;
            if (first == null || !first.has("dev")) {
                throw new ProbeException("`ip -j route get` printed no route: " + json.strip());
            }
            return new InstalledRoute(first.path("dst").asText(), first.get("dev").asText(),
                    Optional.ofNullable(first.get("gateway")).map(JsonNode::asText));
        } catch (JsonProcessingException e) {
            throw new ProbeException("`ip -j route get` printed no JSON: " + json.strip());
        }
    }
}
