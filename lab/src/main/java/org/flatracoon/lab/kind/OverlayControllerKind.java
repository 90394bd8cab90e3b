package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * Our overlay network controller (netstack image): holds the networks and their members, authorises
 * members and assigns their addresses, and serves ZeroTier's controller API on {@link #API_PORT}.
 */
public final class OverlayControllerKind implements NodeKind {

    static final String CONFIG_FILE = "/etc/netstack/overlay/controller.yml";
    /** The controller's HTTP API (/controller/…, /health, /metrics); the lab's configs keep this port. */
    public static final int API_PORT = 9993;

    @Override
    public String name() {
        return "overlay-controller";
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
        return List.of("overlay", "controller", "--config", CONFIG_FILE);
    }

    @Override
    public ReadinessCheck readiness() {
        return new HealthAnswers(API_PORT);
    }
}
