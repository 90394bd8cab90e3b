package org.flatracoon.lab.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** What a node's own `ip -j` says about its interfaces and routes, for assertions. */
public final class NodeNetwork {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeNetwork() {
    }

    /** One address as `ip` reports it. */
    public record Address(String iface, String family, String cidr, String scope, JsonNode raw) {
        public boolean flag(String name) {
            return raw.path(name).asBoolean(false);
        }
    }

    /** Every interface except lo, with its global-scope addresses ("198.51.100.1/27", "2001:db8::1/64"). */
    public static Map<String, List<String>> globalAddresses(LabNode node) {
        Map<String, List<String>> byIface = new TreeMap<>();
        for (JsonNode link : ip(node, "-j", "addr", "show")) {
            String name = link.path("ifname").asText();
            if (name.equals("lo")) {
                continue;
            }
            List<String> addresses = new ArrayList<>();
            link.path("addr_info").forEach(info -> {
                if (info.path("scope").asText().equals("global")) {
                    addresses.add(info.path("local").asText() + "/" + info.path("prefixlen").asInt());
                }
            });
            byIface.put(name, addresses);
        }
        return byIface;
    }

    /** Every address of every interface (lo included), with its flags. */
    public static List<Address> addresses(LabNode node) {
        List<Address> all = new ArrayList<>();
        for (JsonNode link : ip(node, "-j", "addr", "show")) {
            link.path("addr_info").forEach(info -> all.add(new Address(link.path("ifname").asText(),
                    info.path("family").asText(), info.path("local").asText() + "/" + info.path("prefixlen").asInt(),
                    info.path("scope").asText(), info)));
        }
        return all;
    }

    /** Interface name → operstate (UP, DOWN, UNKNOWN for lo). */
    public static Map<String, String> operstates(LabNode node) {
        Map<String, String> states = new TreeMap<>();
        ip(node, "-j", "link", "show").forEach(link -> states.put(link.path("ifname").asText(),
                link.path("operstate").asText()));
        return states;
    }

    /** The routes of one family ("-4" or "-6") as `ip route` prints them, one per line. */
    public static List<String> routes(LabNode node, String family) {
        ExecResult result = node.exec("ip", family, "route", "show");
        if (!result.succeeded()) {
            throw new IllegalStateException(node.name() + ": ip route failed: " + result.output());
        }
        return result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static JsonNode ip(LabNode node, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "ip";
        System.arraycopy(args, 0, command, 1, args.length);
        ExecResult result = node.exec(command);
        if (!result.succeeded()) {
            throw new IllegalStateException(node.name() + ": " + String.join(" ", command) + " failed: " + result.output());
        }
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
