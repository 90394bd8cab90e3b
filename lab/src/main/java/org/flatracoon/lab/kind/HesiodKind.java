package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** Our Hesiod DNS server (netstack image), serving the zone file given as startup-config. */
public final class HesiodKind implements NodeKind {

    static final String ZONE_FILE = "/etc/netstack/hesiod/zone.db";
    /** A server configuration (keys, transfers, updates); the zone files it names come as binds. */
    static final String CONFIG_FILE = "/etc/netstack/hesiod/hesiod.yml";
    static final int HTTP_PORT = 8080;

    @Override
    public String name() {
        return "hesiod";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(ZONE_FILE);
    }

    /** The startup-config is either a zone file or, when it is YAML, a server configuration. */
    @Override
    public Optional<String> startupConfigTarget(NodeSpec node) {
        return Optional.of(isServerConfig(node) ? CONFIG_FILE : ZONE_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return isServerConfig(node)
                ? List.of("hesiod", "serve", "--config", CONFIG_FILE, "--http-port", String.valueOf(HTTP_PORT))
                : List.of("hesiod", "serve", "--zone", ZONE_FILE, "--http-port", String.valueOf(HTTP_PORT));
    }

    private static boolean isServerConfig(NodeSpec node) {
        return node.startupConfig().map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".yml") || name.endsWith(".yaml"))
                .isPresent();
    }

    @Override
    public ReadinessCheck readiness() {
        return new HesiodAnswers(HTTP_PORT);
    }
}
