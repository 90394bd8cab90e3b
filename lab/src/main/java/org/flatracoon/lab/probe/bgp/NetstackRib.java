package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads our speaker's {@code GET /api/rib} (netstack-impl/bgp/README.md): {@code routes}, each a
 * prefix with its candidate {@code paths} ({@code best}, {@code from}, {@code nextHop},
 * {@code asPath}, {@code communities}). Our own networks ({@code from} "local") are not learned
 * and left out.
 */
final class NetstackRib {

    private NetstackRib() {
    }

    static List<BgpRoute> parse(String json) {
        JsonNode root = FrrJson.read(json, "GET /api/rib");
        List<BgpRoute> routes = new ArrayList<>();
        for (JsonNode route : root.path("routes")) {
            String prefix = Addresses.canonicalPrefix(route.path("prefix").asText());
            for (JsonNode path : route.path("paths")) {
                if (path.path("from").asText().equals("local")) {
                    continue;
                }
                List<String> communities = new ArrayList<>();
                path.path("communities").forEach(community -> communities.add(community.asText()));
                routes.add(new BgpRoute(prefix, Addresses.canonical(path.path("nextHop").asText()),
                        AsPaths.parse(path.path("asPath").asText("")), communities, path.path("best").asBoolean(false)));
            }
        }
        return routes;
    }
}
