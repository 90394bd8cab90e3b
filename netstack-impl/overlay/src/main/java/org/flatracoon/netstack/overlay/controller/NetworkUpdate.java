package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;
import org.flatracoon.netstack.overlay.netconf.Route;
import org.flatracoon.netstack.overlay.netconf.SignedConfig;

/** Applies a {@code POST /controller/network/NWID} body to a network: only the fields given, all or nothing. */
final class NetworkUpdate {
    /** ZeroTier allows 1280..10000; we allow larger TAP MTUs (fewer, bigger UDP datagrams) up to 60000. */
    static final int MAX_MTU = 60_000;

    private NetworkUpdate() {
    }

    /** A copy of the network with the changes; the original is untouched if the body is refused. */
    static NetworkRecord apply(NetworkRecord original, JsonNode body) {
        if (!body.isObject()) {
            throw new ApiException(400, "the body must be a JSON object");
        }
        NetworkRecord n = copy(original);
        JsonFields.text(body, "name").ifPresent(v -> n.name = v);
        JsonFields.bool(body, "private").ifPresent(v -> n.privateNetwork = v);
        JsonFields.bool(body, "enableBroadcast").ifPresent(v -> n.enableBroadcast = v);
        JsonFields.integer(body, "mtu", 1280, MAX_MTU).ifPresent(v -> n.mtu = v);
        JsonFields.integer(body, "multicastLimit", 0, 65_535).ifPresent(v -> n.multicastLimit = v);
        JsonFields.object(body, "v4AssignMode").ifPresent(v -> assignMode(n.v4AssignMode, v, "v4AssignMode",
                List.of("zt")));
        JsonFields.object(body, "v6AssignMode").ifPresent(v -> assignMode(n.v6AssignMode, v, "v6AssignMode",
                List.of("zt", "rfc4193", "6plane")));
        JsonFields.array(body, "routes").ifPresent(v -> n.routes = routes(v));
        JsonFields.array(body, "ipAssignmentPools").ifPresent(v -> n.ipAssignmentPools = pools(v));
        JsonFields.array(body, "rules").ifPresent(v -> n.rules = rules(v));
        return n;
    }

    private static void assignMode(Map<String, Boolean> mode, JsonNode v, String field, List<String> keys) {
        for (String key : keys) {
            JsonFields.bool(v, key).ifPresent(b -> mode.put(key, b));
        }
        v.fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) {
                throw new ApiException(400, "'" + field + "." + k + "' is not one of " + keys);
            }
        });
    }

    private static List<Route> routes(List<JsonNode> items) {
        List<Route> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            String where = "routes[" + i + "]";
            if (!r.isObject()) {
                throw JsonFields.bad(where, "an object {target, via}", r);
            }
            String target = JsonFields.text(r, "target").orElseThrow(() ->
                    new ApiException(400, "'" + where + ".target' is missing"));
            Cidr cidr;
            try {
                cidr = Cidr.parse(target);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "'" + where + ".target': " + e.getMessage());
            }
            JsonNode via = r.get("via");
            String viaText = null;
            if (via != null && !via.isNull()) {
                if (!via.isTextual()) {
                    throw JsonFields.bad(where + ".via", "an IP address or null", via);
                }
                try {
                    InetAddress a = Ip.parse(via.textValue());
                    if (Ip.isV6(a) != cidr.v6()) {
                        throw new ApiException(400, "'" + where + ".via' is not of the target's address family");
                    }
                    viaText = Ip.format(a);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "'" + where + ".via': " + e.getMessage());
                }
            }
            out.add(new Route(cidr.toString(), viaText));
        }
        return out;
    }

    private static List<Pool> pools(List<JsonNode> items) {
        List<Pool> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode p = items.get(i);
            String where = "ipAssignmentPools[" + i + "]";
            if (!p.isObject()) {
                throw JsonFields.bad(where, "an object {ipRangeStart, ipRangeEnd}", p);
            }
            InetAddress start = address(p, where, "ipRangeStart");
            InetAddress end = address(p, where, "ipRangeEnd");
            if (Ip.isV6(start) != Ip.isV6(end)) {
                throw new ApiException(400, "'" + where + "': start and end are of different address families");
            }
            if (Ip.toNumber(start).compareTo(Ip.toNumber(end)) > 0) {
                throw new ApiException(400, "'" + where + "': ipRangeStart is after ipRangeEnd");
            }
            out.add(new Pool(Ip.format(start), Ip.format(end)));
        }
        return out;
    }

    private static InetAddress address(JsonNode p, String where, String field) {
        String text = JsonFields.text(p, field).orElseThrow(() ->
                new ApiException(400, "'" + where + "." + field + "' is missing"));
        try {
            return Ip.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "'" + where + "." + field + "': " + e.getMessage());
        }
    }

    private static List<JsonNode> rules(List<JsonNode> items) {
        if (items.size() > 256) {
            throw new ApiException(400, "'rules': at most 256 entries");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            if (!r.isObject() || !r.path("type").isTextual()) {
                throw JsonFields.bad("rules[" + i + "]", "an object with a 'type'", r);
            }
        }
        return items;
    }

    private static NetworkRecord copy(NetworkRecord n) {
        return SignedConfig.JSON.convertValue(SignedConfig.JSON.valueToTree(n), NetworkRecord.class);
    }
}
