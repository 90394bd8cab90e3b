package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads FRR's {@code show bgp ipv4|ipv6 unicast PREFIX json}, the one view with communities:
 * {@code paths} each with {@code aspath.string}, {@code community.list}, {@code bestpath.overall},
 * {@code nexthops}. Paths the router originates itself ({@code local}, {@code sourced}) are left out;
 * a prefix with no path at all is {@code {}}.
 */
final class FrrRoute {

    private FrrRoute() {
    }

    static List<BgpRoute> parse(String json) {
        JsonNode root = FrrJson.read(json, "show bgp unicast PREFIX json");
        List<BgpRoute> routes = new ArrayList<>();
        if (!root.has("prefix")) {
            return routes; // "{}": no path to that prefix
        }
        String prefix = Addresses.canonicalPrefix(root.get("prefix").asText());
        for (JsonNode path : root.path("paths")) {
            if (path.path("local").asBoolean(false) || path.path("sourced").asBoolean(false)) {
                continue; // the router's own network ("aspath": "Local")
            }
            List<String> communities = new ArrayList<>();
            path.path("community").path("list").forEach(community -> communities.add(community.asText()));
            routes.add(new BgpRoute(prefix, FrrRoutes.globalNextHop(path.path("nexthops")),
                    AsPaths.parse(path.path("aspath").path("string").asText("")), communities,
                    path.path("bestpath").path("overall").asBoolean(false)));
        }
        return routes;
    }
}
