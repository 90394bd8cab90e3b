package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** Our Hesiod DNS server (netstack image), serving the zone file given as startup-config. */
public final class HesiodKind implements NodeKind {

    static final String ZONE_FILE = "/etc/netstack/hesiod/zone.db";
    static final int HTTP_PORT = 8080;

    @Override
    public String name() {
        return "hesiod";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.get());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(ZONE_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("hesiod", "serve", "--zone", ZONE_FILE, "--http-port", String.valueOf(HTTP_PORT));
    }

    @Override
    public ReadinessCheck readiness() {
        return new HesiodAnswers(HTTP_PORT);
    }
}
