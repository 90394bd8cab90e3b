package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * A plain router (host image) forwarding IPv4 and IPv6 between its links, e.g. the underlay in
 * the middle of a star of point-to-point links. Routes beyond its links come from `exec`.
 */
public final class RouterKind implements NodeKind {

    @Override
    public String name() {
        return "router";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/host:" + LabVersion.imageTag());
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

    @Override
    public ContainerNeeds containerNeeds() {
        return new ContainerNeeds(List.of(), Map.of("net.ipv4.ip_forward", "1", "net.ipv6.conf.all.forwarding", "1"));
    }
}
