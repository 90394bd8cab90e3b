package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.topology.NodeSpec;

/** Any image, run as is (containerlab's `linux` kind). */
public final class LinuxKind implements NodeKind {

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.empty();
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.empty();
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of();
    }

    @Override
    public ReadinessCheck readiness() {
        return new ContainerRunning();
    }
}
