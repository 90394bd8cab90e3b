package org.flatracoon.netstack.site.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what a node's kernel says — {@code ip -j -4 addr}, {@code ip -j -4 route show table all},
 * {@code /proc/net/tcp} and {@code /proc/net/udp} — into findings. Pure: the audit runs the commands,
 * this only reads their text, so it is tested without a network.
 *
 * <p>Loopback is not a finding (every Linux node has 127.0.0.1, and a socket bound there is unreachable
 * from the network), and neither is anything on an interface the caller allows IPv4 on (the border's
 * outside interfaces and Tayga's TUN).
 */
public final class Ipv4Findings {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** /proc/net/tcp state of a listening socket. */
    private static final String TCP_LISTEN = "0A";
    /** /proc/net/udp state of an unconnected socket, i.e. one that receives from anyone. */
    private static final String UDP_UNCONNECTED = "07";

    private final Set<String> allowed;

    public Ipv4Findings(Set<String> ipv4AllowedOn) {
        this.allowed = Set.copyOf(ipv4AllowedOn);
    }

    /** IPv4 addresses on interfaces other than loopback and the allowed ones. */
    public List<Finding> addresses(String ipJson) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode link : array(ipJson, "ip -j -4 addr")) {
            String iface = link.path("ifname").asText();
            if (iface.equals("lo") || allowed.contains(iface)) {
                continue;
            }
            for (JsonNode address : link.path("addr_info")) {
                if (address.path("family").asText("inet").equals("inet") && !address.path("scope").asText().equals("host")) {
                    findings.add(new Finding(Finding.Kind.ADDRESS, iface,
                            address.path("local").asText() + "/" + address.path("prefixlen").asText()));
                }
            }
        }
        return findings;
    }

    /**
     * IPv4 unicast routes through interfaces other than loopback and the allowed ones. The kernel's
     * local and broadcast routes follow from addresses (already findings) and are left out.
     */
    public List<Finding> routes(String ipJson) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode route : array(ipJson, "ip -j -4 route")) {
            String type = route.path("type").asText("unicast");
            String dev = route.path("dev").asText("");
            if (!type.equals("unicast") || dev.equals("lo") || allowed.contains(dev)) {
                continue;
            }
            StringBuilder detail = new StringBuilder(route.path("dst").asText("?"));
            if (route.has("gateway")) {
                detail.append(" via ").append(route.path("gateway").asText());
            }
            if (route.has("table")) {
                detail.append(" table ").append(route.path("table").asText());
            }
            findings.add(new Finding(Finding.Kind.ROUTE, dev.isEmpty() ? "-" : dev, detail.toString()));
        }
        return findings;
    }

    /**
     * IPv4 sockets that accept traffic from the network: listening TCP sockets and unconnected UDP
     * sockets, unless bound to a loopback address. /proc/net shows addresses in host byte order
     * (little-endian on the machines the lab runs on).
     */
    public List<Finding> sockets(String procNet, String protocol) {
        List<Finding> findings = new ArrayList<>();
        String wanted = protocol.equals("tcp") ? TCP_LISTEN : UDP_UNCONNECTED;
        String[] lines = procNet.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] columns = lines[i].strip().split("\\s+");
            if (columns.length < 4 || !columns[3].equalsIgnoreCase(wanted)) {
                continue;
            }
            String[] local = columns[1].split(":");
            if (local.length != 2 || local[0].length() != 8) {
                continue;
            }
            int[] octets = new int[4];
            for (int b = 0; b < 4; b++) {
                octets[3 - b] = Integer.parseInt(local[0].substring(2 * b, 2 * b + 2), 16);
            }
            if (octets[0] == 127) {
                continue;
            }
            int port = Integer.parseInt(local[1], 16);
            String address = octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
            findings.add(new Finding(Finding.Kind.SOCKET, protocol, address + ":" + port
                    + (protocol.equals("tcp") ? " listening" : " receiving")));
        }
        return findings;
    }

    private static JsonNode array(String json, String what) {
        try {
            JsonNode node = JSON.readTree(json.isBlank() ? "[]" : json);
            if (!node.isArray()) {
                throw new IllegalArgumentException(what + " did not print a JSON array");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " did not print JSON: " + e.getMessage());
        }
    }
}
