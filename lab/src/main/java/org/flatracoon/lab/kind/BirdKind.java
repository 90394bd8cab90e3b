package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** Debian's BIRD 2 as a router, configured by its own bird.conf (the startup-config). */
public final class BirdKind implements NodeKind {

    @Override
    public String name() {
        return "bird";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/bird:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of("/etc/bird/bird.conf");
    }

    /** The image runs {@code bird -f} on that file. */
    @Override
    public List<String> command(NodeSpec node) {
        return List.of();
    }

    @Override
    public ReadinessCheck readiness() {
        return new ControlSocketAnswers(List.of("birdc", "show", "status"), "Daemon is up and running");
    }

    /** A router forwards between its interfaces. */
    @Override
    public ContainerNeeds containerNeeds() {
        return ContainerNeeds.ROUTER;
    }
}
