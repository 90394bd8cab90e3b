package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads FRR's {@code show bgp ipv4|ipv6 unicast json}: {@code routes} maps each prefix to its
 * paths ({@code bestpath}, {@code path} "65003 65002", {@code nexthops} — for IPv6 the global
 * one and the link-local one). Paths the router originates itself ({@code peerId} "(unspec)") are
 * not learned and left out. This table view carries no communities (see {@link FrrRoute}).
 */
final class FrrRoutes {

    private FrrRoutes() {
    }

    static List<BgpRoute> parse(String json) {
        JsonNode root = FrrJson.read(json, "show bgp unicast json");
        List<BgpRoute> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("routes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> prefix = it.next();
            for (JsonNode path : prefix.getValue()) {
                if (path.path("peerId").asText().equals("(unspec)")) {
                    continue;
                }
                routes.add(new BgpRoute(Addresses.canonicalPrefix(prefix.getKey()), globalNextHop(path.path("nexthops")),
                        AsPaths.parse(path.path("path").asText("")), List.of(), path.path("bestpath").asBoolean(false)));
            }
        }
        return routes;
    }

    static String globalNextHop(JsonNode nexthops) {
        for (JsonNode nexthop : nexthops) {
            if (!nexthop.path("scope").asText("global").equals("link-local")) {
                return Addresses.canonical(nexthop.path("ip").asText());
            }
        }
        return nexthops.isEmpty() ? "" : Addresses.canonical(nexthops.get(0).path("ip").asText());
    }
}
