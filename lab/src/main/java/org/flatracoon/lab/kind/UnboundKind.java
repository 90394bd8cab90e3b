package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * Debian's Unbound (in the base image, so in the bind image too), run in the foreground with its own
 * unbound.conf as startup-config. Its configuration must set {@code username: ""} and {@code chroot: ""}
 * (the container is the sandbox) and answer on 127.0.0.1 for the readiness check.
 */
public final class UnboundKind implements NodeKind {

    static final String CONFIG_FILE = "/etc/unbound/unbound.conf";

    @Override
    public String name() {
        return "unbound";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/bind:" + LabVersion.get());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(CONFIG_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("unbound", "-d", "-p", "-c", CONFIG_FILE);
    }

    @Override
    public ReadinessCheck readiness() {
        return new DnsServerAnswers();
    }
}
