package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * The border of an IPv6-only site: our site enforcer (netstack image) applying the nftables policy
 * of its startup-config (a site policy, YAML) and running Debian's Tayga as the NAT64. Tayga needs
 * the TUN device; a border forwards both families.
 */
public final class Nat64Kind implements NodeKind {

    static final String CONFIG_FILE = "/etc/netstack/site/site.yml";
    /** The policy's http-port; the lab's policies keep the enforcer's default. */
    public static final int HTTP_PORT = 8080;

    @Override
    public String name() {
        return "nat64";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.get());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(CONFIG_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("site", "enforce", "--config", CONFIG_FILE);
    }

    @Override
    public ReadinessCheck readiness() {
        return new SiteEnforcing(HTTP_PORT);
    }

    @Override
    public ContainerNeeds containerNeeds() {
        return ContainerNeeds.ROUTER.withDevices(List.of("/dev/net/tun"));
    }
}
