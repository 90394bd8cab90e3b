package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * Our DNS64 resolver (netstack image), configured by the YAML startup-config. The readiness check asks on 127.0.0.1,
 * so the configuration keeps the HTTP port 8080 and listens on all addresses (the default) or on loopback too.
 */
public final class Dns64Kind implements NodeKind {

    static final String CONFIG_FILE = "/etc/netstack/dns64/dns64.yml";
    /** /health and /metrics: the configuration's http.port, whose default the lab's configurations keep. */
    public static final int HTTP_PORT = 8080;

    @Override
    public String name() {
        return "dns64";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.get());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(CONFIG_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("dns64", "serve", "--config", CONFIG_FILE);
    }

    @Override
    public ReadinessCheck readiness() {
        return new Dns64Answers(HTTP_PORT);
    }
}
