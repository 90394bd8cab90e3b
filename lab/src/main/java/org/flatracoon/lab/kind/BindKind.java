package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/** Debian's BIND 9, configured by its own named.conf (the startup-config); zone files come as binds. */
public final class BindKind implements NodeKind {

    @Override
    public String name() {
        return "bind";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/bind:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of("/etc/bind/named.conf");
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of();
    }

    @Override
    public ReadinessCheck readiness() {
        return new DnsServerAnswers();
    }
}
