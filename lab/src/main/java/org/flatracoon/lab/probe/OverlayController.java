package org.flatracoon.lab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Reads and changes an overlay controller through ZeroTier's controller API (`/controller/network…`,
 * token in `X-ZT1-Auth`), with curl from inside the controller's node: what an operator's
 * script would do. Authorising and deauthorising members are the lab's actions on the network.
 */
public final class OverlayController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabNode node;
    private final int port;
    private final String token;

    public OverlayController(LabNode node, int port, String token) {
        this.node = node;
        this.port = port;
        this.token = token;
    }

    /** The ids (16 hex digits) of the networks the controller holds. */
    public List<String> networks() {
        return strings(get("/controller/network"), "/controller/network");
    }

    /** The only network of the controller: the lab's overlay labs have one. */
    public String onlyNetwork() {
        List<String> networks = networks();
        if (networks.size() != 1) {
            throw new ProbeException(node.name() + ": the controller holds " + networks.size() + " networks " + networks
                    + ", expected exactly one");
        }
        return networks.get(0);
    }

    public Network network(String networkId) {
        return Network.parse(get("/controller/network/" + networkId));
    }

    /** The addresses (10 hex digits) of every member the controller knows, authorised or not. */
    public List<String> members(String networkId) {
        JsonNode body = get("/controller/network/" + networkId + "/member");
        List<String> addresses = new ArrayList<>();
        body.fieldNames().forEachRemaining(addresses::add);
        return addresses;
    }

    public Member member(String networkId, String address) {
        return Member.parse(get("/controller/network/" + networkId + "/member/" + address));
    }

    public Member authorise(String networkId, String address) {
        return setAuthorised(networkId, address, true);
    }

    public Member deauthorise(String networkId, String address) {
        return setAuthorised(networkId, address, false);
    }

    private Member setAuthorised(String networkId, String address, boolean authorised) {
        String path = "/controller/network/" + networkId + "/member/" + address;
        return Member.parse(call("POST", path, "{\"authorized\":" + authorised + "}"));
    }

    private JsonNode get(String path) {
        return call("GET", path, null);
    }

    private JsonNode call(String method, String path, String body) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "5", "-X", method,
                "-H", "X-ZT1-Auth: " + token, "-w", "\n%{http_code}"));
        if (body != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data", body));
        }
        command.add("http://127.0.0.1:" + port + path);
        ExecResult result = node.exec(command.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new ProbeException(node.name() + ": " + method + " " + path + " failed: " + result.output().strip());
        }
        return parseAnswer(method + " " + path, result.stdout());
    }

    /** curl's output is the body, a newline and the HTTP status (`-w`). */
    static JsonNode parseAnswer(String request, String output) {
        String trimmed = output.stripTrailing();
        int lastLine = trimmed.lastIndexOf('\n');
        String status = trimmed.substring(lastLine + 1).strip();
        String body = lastLine < 0 ? "" : trimmed.substring(0, lastLine);
        if (!status.startsWith("2")) {
            throw new ProbeException(request + " answered HTTP " + status + ": " + body.strip());
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ProbeException(request + " answered something that is not JSON: " + body.strip());
        }
    }

    private static List<String> strings(JsonNode array, String what) {
        if (!array.isArray()) {
            throw new ProbeException(what + " is not a JSON array: " + array);
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A network as the controller describes it: its managed routes, and whether it is private. */
    public record Network(String id, String name, boolean isPrivate, List<Route> routes) {

        static Network parse(JsonNode body) {
            List<Route> routes = new ArrayList<>();
            body.path("routes").forEach(route -> routes.add(new Route(route.path("target").asText(),
                    route.path("via").isNull() || route.path("via").isMissingNode() ? null : route.path("via").asText())));
            return new Network(body.path("id").asText(), body.path("name").asText(),
                    body.path("private").asBoolean(true), List.copyOf(routes));
        }
    }

    /** A managed route: {@code via} is null for the network's own subnets, a member's address for what lies behind it. */
    public record Route(String target, String via) {
    }

    /** A member as the controller describes it; {@code advertisedRoutes} are the subnets behind it (pods). */
    public record Member(String address, boolean authorised, List<String> ipAssignments, List<String> advertisedRoutes) {

        static Member parse(JsonNode body) {
            String address = body.hasNonNull("address") ? body.path("address").asText() : body.path("id").asText();
            List<String> assigned = new ArrayList<>();
            body.path("ipAssignments").forEach(ip -> assigned.add(ip.asText()));
            List<String> advertised = new ArrayList<>();
            body.path("advertisedRoutes").forEach(route -> advertised.add(route.asText()));
            return new Member(address, body.path("authorized").asBoolean(false), List.copyOf(assigned),
                    List.copyOf(advertised));
        }
    }
}
