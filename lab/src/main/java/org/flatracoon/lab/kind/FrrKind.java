package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * Debian's FRR as a router: bgpd configured by its own frr.conf (the startup-config), zebra
 * installing its best routes into the kernel.
 */
public final class FrrKind implements NodeKind {

    @Override
    public String name() {
        return "frr";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/frr:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of("/etc/frr/frr.conf");
    }

    /** The image starts zebra, then bgpd in the foreground, on that file. */
    @Override
    public List<String> command(NodeSpec node) {
        return List.of();
    }

    @Override
    public ReadinessCheck readiness() {
        return new ControlSocketAnswers(List.of("vtysh", "-c", "show bgp summary json"), "{");
    }

    /**
     * zebra and bgpd started before the lab renamed the interfaces kept stale interface state
     * ("nexthop_set failed … intf (Unknown)") and reset sessions for a minute or more; the image
     * waits for this file before starting them.
     */
    @Override
    public Optional<String> networkReadyMarker() {
        return Optional.of("/run/flatracoon/network-ready");
    }

    /** A router forwards; zebra also asks for CAP_SYS_ADMIN (namespaces, VRFs) at start and exits without it. */
    @Override
    public ContainerNeeds containerNeeds() {
        return ContainerNeeds.ROUTER.withCapabilities(List.of("SYS_ADMIN"));
    }
}
