package org.flatracoon.netstack.overlay.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.netstack.overlay.netconf.Ip;

/** {@code netstack overlay controller --config FILE}: see the module README for every setting. */
public record ControllerSettings(Path stateDir, InetAddress listen, int httpPort, int udpPort,
                                 Optional<String> authToken) {
    public static final int DEFAULT_PORT = 9993;
    private static final Set<String> KNOWN = Set.of("state-dir", "listen", "http-port", "udp-port", "auth-token");

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
        f.done();
        return new ControllerSettings(stateDir, listen, http, udp, token);
    }
}
