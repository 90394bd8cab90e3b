package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.flatracoon.netstack.overlay.http.HttpService;
import org.flatracoon.netstack.overlay.http.HttpService.Request;
import org.flatracoon.netstack.overlay.http.HttpService.Response;
import org.flatracoon.netstack.overlay.netconf.ConfigRequest;
import org.flatracoon.netstack.overlay.netconf.SignedConfig;

/**
 * The controller's HTTP surface: ZeroTier's controller API under {@code /controller} (token required), member config
 * requests under {@code /netconf/NWID} (signed by the member instead), {@code /status}, {@code /health}, {@code /metrics}.
 */
final class ControllerHttp implements HttpService.Handler {
    private final Controller controller;
    private final ControllerMetrics metrics;
    private final byte[] token;

    ControllerHttp(Controller controller, ControllerMetrics metrics, String token) {
        this.controller = controller;
        this.metrics = metrics;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Response handle(Request r) {
        String[] p = r.path().replaceAll("/+$", "").split("/");
        // p[0] is "" (leading slash)
        if (p.length == 2 && p[1].equals("health")) {
            return Response.json(200, Map.of("ready", true, "address", controller.identity().address().toString(),
                    "networks", controller.networkIds().size()));
        }
        if (p.length == 2 && p[1].equals("metrics")) {
            return Response.metrics(metrics.registry);
        }
        if (p.length == 3 && p[1].equals("netconf")) {
            method(r, "POST");
            return netconf(p[2], r.body());
        }
        if (p.length >= 2 && (p[1].equals("controller") || p[1].equals("status"))) {
            authenticate(r);
            if (p[1].equals("status")) {
                method(r, "GET");
                return Response.json(200, Map.of("address", controller.identity().address().toString(),
                        "publicIdentity", controller.identity().publicIdentity().toString(), "online", true,
                        "version", "flatracoon-overlay 1"));
            }
            return api(r, p);
        }
        return Response.error(404, "no such resource: " + r.path());
    }

    private Response api(Request r, String[] p) {
        if (p.length == 2) {
            method(r, "GET");
            return Response.json(200, controller.status());
        }
        if (!p[2].equals("network")) {
            return Response.error(404, "no such resource: " + r.path());
        }
        if (p.length == 3) {
            method(r, "GET");
            return Response.json(200, controller.networkIds());
        }
        String nwid = p[3];
        if (p.length == 4) {
            return switch (method(r, "GET", "POST", "DELETE")) {
                case "GET" -> Response.json(200, controller.network(nwid));
                case "DELETE" -> Response.json(200, controller.deleteNetwork(nwid));
                default -> Response.json(200, nwid.endsWith("______")
                        ? createInOwnRange(nwid, body(r)) : controller.upsertNetwork(nwid, body(r)));
            };
        }
        if (!p[4].equals("member") || p.length > 6) {
            return Response.error(404, "no such resource: " + r.path());
        }
        if (p.length == 5) {
            method(r, "GET");
            return Response.json(200, controller.members(nwid));
        }
        String member = p[5];
        return switch (method(r, "GET", "POST", "DELETE")) {
            case "GET" -> Response.json(200, controller.member(nwid, member));
            case "DELETE" -> Response.json(200, controller.deleteMember(nwid, member));
            default -> Response.json(200, controller.upsertMember(nwid, member, body(r)));
        };
    }

    private com.fasterxml.jackson.databind.node.ObjectNode createInOwnRange(String nwid, JsonNode body) {
        String own = controller.identity().address().toString();
        if (!nwid.equalsIgnoreCase(own + "______")) {
            throw new ApiException(400, "networks are created as " + own + "______ (this controller's address)");
        }
        return controller.createNetwork(body);
    }

    private Response netconf(String nwid, byte[] body) {
        ConfigRequest request;
        try {
            request = SignedConfig.JSON.readValue(body, ConfigRequest.class);
        } catch (IOException e) {
            metrics.configRequest("bad_request");
            return Response.error(400, "not a config request: " + e.getMessage());
        }
        Controller.ConfigAnswer answer = controller.requestConfig(nwid, request);
        switch (answer.status()) {
            case 200:
                metrics.configRequest("ok");
                return Response.json(200, answer.config());
            case 403:
                metrics.configRequest("access_denied");
                return Response.json(403, Map.of("status", "ACCESS_DENIED"));
            case 404:
                metrics.configRequest("not_found");
                return Response.json(404, Map.of("status", "NOT_FOUND"));
            default:
                metrics.configRequest("bad_request");
                return Response.error(answer.status(), answer.message());
        }
    }

    private void authenticate(Request r) {
        String given = r.headers().getFirst("X-ZT1-Auth");
        if (given == null) {
            given = r.query().get("auth");
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "missing or wrong token (X-ZT1-Auth header or ?auth=)");
        }
    }

    private static JsonNode body(Request r) {
        if (r.body().length == 0) {
            return SignedConfig.JSON.createObjectNode();
        }
        try {
            return SignedConfig.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new ApiException(400, "the body is not JSON: " + e.getMessage());
        }
    }

    private static String method(Request r, String... allowed) {
        for (String m : allowed) {
            if (m.equals(r.method())) {
                return m;
            }
        }
        throw new ApiException(405, r.method() + " not allowed on " + r.path() + " (allowed: "
                + String.join(", ", allowed) + ")");
    }
}
