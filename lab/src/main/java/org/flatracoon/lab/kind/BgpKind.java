package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** Our BGP speaker (netstack image) as a router, configured by its YAML file (the startup-config). */
public final class BgpKind implements NodeKind {

    public static final int HTTP_PORT = 8080;
    static final String CONFIG_FILE = "/etc/netstack/bgp/router.yml";

    @Override
    public String name() {
        return "bgp";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(CONFIG_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("bgp", "serve", "--config", CONFIG_FILE);
    }

    @Override
    public ReadinessCheck readiness() {
        return new HealthSaysOk(HTTP_PORT);
    }

    /** A router forwards between its interfaces. */
    @Override
    public ContainerNeeds containerNeeds() {
        return ContainerNeeds.ROUTER;
    }
}
