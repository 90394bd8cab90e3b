package org.flatracoon.lab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Reads a member agent from inside its node: /status (the same document as /health, but answered
 * whatever the member's state: its address, status, assigned addresses, its peers and whether each
 * is reached directly or through the relay) and /metrics (packets dropped, by reason).
 */
public final class OverlayAgent {

    /** Counter of received packets the agent refused, labelled by reason. */
    public static final String DROPPED_METRIC = "overlay_drops_total";
    public static final String DROP_REASON_LABEL = "reason";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabNode node;
    private final int port;

    public OverlayAgent(LabNode node, int port) {
        this.node = node;
        this.port = port;
    }

    public Status status() {
        // Not -f: /health and /status may say 503 while the member is not authorised, with the same document.
        ExecResult result = node.exec("curl", "-sS", "--max-time", "5", "http://127.0.0.1:" + port + "/status");
        if (!result.succeeded()) {
            throw new ProbeException(node.name() + ": the agent's /status did not answer: " + result.output().strip());
        }
        return Status.parse(node.name(), result.stdout());
    }

    /** Received packets dropped so far, per reason (bad_tag, replay, not_member, …). */
    public Map<String, Double> drops() {
        return new PrometheusMetrics(node, port).byLabel(DROPPED_METRIC, DROP_REASON_LABEL);
    }

    /**
     * What the agent says about itself: ZeroTier's status words (REQUESTING_CONFIGURATION,
     * ACCESS_DENIED, NOT_FOUND, OK), its network, its addresses with prefix length, its peers.
     */
    public record Status(String address, String status, String network, boolean controllerReachable,
            List<String> assignedAddresses, List<OverlayController.Route> routes, List<Peer> peers) {

        static Status parse(String nodeName, String body) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                throw new ProbeException(nodeName + ": the agent's /status is not JSON: " + body.strip());
            }
            if (!json.hasNonNull("address") || !json.hasNonNull("status")) {
                throw new ProbeException(nodeName + ": the agent's /status names no member address or status: " + body.strip());
            }
            List<String> assigned = new ArrayList<>();
            json.path("assignedAddresses").forEach(address -> assigned.add(address.asText()));
            List<OverlayController.Route> routes = new ArrayList<>();
            json.path("routes").forEach(route -> routes.add(new OverlayController.Route(route.path("target").asText(),
                    route.hasNonNull("via") ? route.path("via").asText() : null)));
            List<Peer> peers = new ArrayList<>();
            json.path("peers").forEach(peer -> peers.add(new Peer(peer.path("address").asText(),
                    peer.path("path").asText(), peer.path("endpoint").asText(""))));
            return new Status(json.path("address").asText(), json.path("status").asText(), json.path("network").asText(),
                    json.path("controllerReachable").asBoolean(false), List.copyOf(assigned), List.copyOf(routes),
                    List.copyOf(peers));
        }

        public boolean ok() {
            return "OK".equals(status);
        }

        /** The assigned address of a family (4 or 6), without its prefix length. */
        public Optional<String> address(int family) {
            return assignedAddresses.stream()
                    .map(address -> address.contains("/") ? address.substring(0, address.indexOf('/')) : address)
                    .filter(address -> family == 6 ? address.contains(":") : !address.contains(":"))
                    .findFirst();
        }

        public Optional<Peer> peer(String address) {
            return peers.stream().filter(peer -> peer.address().equals(address)).findFirst();
        }
    }

    /** A peer the agent talks to: {@code path} is "direct", "relay" or "none" (no session yet). */
    public record Peer(String address, String path, String endpoint) {

        public boolean direct() {
            return "direct".equals(path);
        }

        public boolean relayed() {
            return "relay".equals(path);
        }
    }
}
