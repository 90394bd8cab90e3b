package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** A client workstation with Debian's Hesiod client, dig, ping, ip, curl and tcpdump. */
public final class HostKind implements NodeKind {

    @Override
    public String name() {
        return "host";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/host:" + LabVersion.imageTag());
    }

    /** The startup-config of a workstation is its Hesiod client configuration. */
    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of("/etc/hesiod.conf");
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
