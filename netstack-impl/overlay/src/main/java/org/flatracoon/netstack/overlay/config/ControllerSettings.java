package org.flatracoon.netstack.overlay.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.Ip;

/** {@code netstack overlay controller --config FILE}: see the module README for every setting. */
public record ControllerSettings(Path stateDir, InetAddress listen, int httpPort, int udpPort,
                                 Optional<String> authToken, List<DeclaredNetwork> networks) {
    public static final int DEFAULT_PORT = 9993;
    private static final Set<String> KNOWN = Set.of("state-dir", "listen", "http-port", "udp-port", "auth-token",
            "networks");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A network the configuration declares: created at start when the controller has no network with this id
     * ({@code body}: the same fields as a {@code POST /controller/network/NWID} body). {@code where} is FILE:LINE.
     */
    public record DeclaredNetwork(String where, NetworkId id, JsonNode body) {
    }

    public ControllerSettings(Path stateDir, InetAddress listen, int httpPort, int udpPort,
                              Optional<String> authToken) {
        this(stateDir, listen, httpPort, udpPort, authToken, List.of());
    }

    public static ControllerSettings load(Path file) throws ConfigException {
        return from(YamlFields.read(file, KNOWN));
    }

    public static ControllerSettings parse(Path file, String text) throws ConfigException {
        return from(YamlFields.parse(file, text, KNOWN));
    }

    private static ControllerSettings from(YamlFields f) throws ConfigException {
        Path stateDir = f.required("state-dir", f::path).orElse(null);
        InetAddress listen = f.value("listen", Ip::parse).orElse(null);
        int http = f.value("http-port", t -> YamlFields.port(t, 0)).orElse(DEFAULT_PORT);
        int udp = f.value("udp-port", t -> YamlFields.port(t, 0)).orElse(DEFAULT_PORT);
        Optional<String> token = f.value("auth-token", t -> {
            if (t.length() < 8) {
                throw new IllegalArgumentException("a token has at least 8 characters");
            }
            return t;
        });
        List<DeclaredNetwork> networks = new ArrayList<>();
        for (YamlFields.Item item : f.mappings("networks")) {
            ObjectNode body = JSON.valueToTree(item.value());
            body.remove("id");
            String id = item.rawScalars().get("id");
            if (id == null) {
                f.problem(item.line(), "networks: each network needs an 'id' (16 hex digits)");
                continue;
            }
            try {
                networks.add(new DeclaredNetwork(f.source() + ":" + item.line(), NetworkId.parse(id), body));
            } catch (IllegalArgumentException e) {
                f.problem(item.line(), "networks: " + e.getMessage());
            }
        }
        f.done();
        return new ControllerSettings(stateDir, listen, http, udp, token, networks);
    }
}
