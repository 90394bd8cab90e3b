package org.flatracoon.lab.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.topology.NodeSpec;
import org.junit.jupiter.api.Test;

/** The kinds the loader validates against and the backend starts. */
class KindRegistryTest {

    private final KindRegistry kinds = KindRegistry.standard();

    private static NodeSpec node(String kind) {
        return new NodeSpec("n", kind, "img", Optional.empty(), List.of(), Map.of(), List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void knowsItsKinds() {
        assertThat(kinds.names()).containsExactly("hesiod", "host", "bind", "bird", "frr", "bgp", "linux", "nat64", "dns64",
                "unbound", "overlay-controller", "overlay-node");
        assertThat(kinds.knows("hesiod")).isTrue();
        assertThat(kinds.knows("bird")).isTrue();
        assertThat(kinds.knows("gobgp")).isFalse();
    }

    @Test
    void anUnknownKindIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> kinds.get("gobgp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown kind 'gobgp'; known kinds: [hesiod, host, bind, bird, frr, bgp, linux, nat64, dns64, unbound,"
                        + " overlay-controller, overlay-node]");
    }

    @Test
    void ourImagesAreTaggedWithTheProjectVersionNeverLatest() {
        assertThat(kinds.defaultImage("hesiod")).contains("flatracoon/netstack:0.1.0");
        assertThat(kinds.defaultImage("host")).contains("flatracoon/host:0.1.0");
        assertThat(kinds.defaultImage("bind")).contains("flatracoon/bind:0.1.0");
        assertThat(kinds.defaultImage("linux")).isEmpty();
        assertThat(kinds.defaultImage("bird")).contains("flatracoon/bird:0.1.0");
        assertThat(kinds.defaultImage("frr")).contains("flatracoon/frr:0.1.0");
        assertThat(kinds.defaultImage("bgp")).contains("flatracoon/netstack:0.1.0");
        assertThat(kinds.defaultImage("gobgp")).isEmpty();
    }

    @Test
    void startupConfigGoesWhereEachKindReadsIt() {
        assertThat(kinds.acceptsStartupConfig("hesiod")).isTrue();
        assertThat(kinds.get("hesiod").startupConfigTarget()).contains("/etc/netstack/hesiod/zone.db");
        assertThat(kinds.acceptsStartupConfig("host")).isTrue();
        assertThat(kinds.get("host").startupConfigTarget()).contains("/etc/hesiod.conf");
        assertThat(kinds.acceptsStartupConfig("linux")).isFalse();
        assertThat(kinds.get("bird").startupConfigTarget()).contains("/etc/bird/bird.conf");
        assertThat(kinds.get("frr").startupConfigTarget()).contains("/etc/frr/frr.conf");
        assertThat(kinds.get("bgp").startupConfigTarget()).contains("/etc/netstack/bgp/router.yml");
    }

    @Test
    void aHesiodNodeServesItsStartupConfigAndHostsKeepTheirImagesCommand() {
        assertThat(kinds.get("hesiod").command(node("hesiod")))
                .containsExactly("hesiod", "serve", "--zone", "/etc/netstack/hesiod/zone.db", "--http-port", "8080");
        assertThat(kinds.get("host").command(node("host"))).isEmpty();
        assertThat(kinds.get("linux").command(node("linux"))).isEmpty();
    }

    @Test
    void theDns64ComparisonKinds() {
        assertThat(kinds.defaultImage("dns64")).contains("flatracoon/netstack:0.1.0");
        assertThat(kinds.get("dns64").startupConfigTarget()).contains("/etc/netstack/dns64/dns64.yml");
        assertThat(kinds.get("dns64").command(node("dns64")))
                .containsExactly("dns64", "serve", "--config", "/etc/netstack/dns64/dns64.yml");
        // Unbound is in the base image, hence in the bind image; it runs in the foreground on its own config
        assertThat(kinds.defaultImage("unbound")).contains("flatracoon/bind:0.1.0");
        assertThat(kinds.get("unbound").startupConfigTarget()).contains("/etc/unbound/unbound.conf");
        assertThat(kinds.get("unbound").command(node("unbound")))
                .containsExactly("unbound", "-d", "-p", "-c", "/etc/unbound/unbound.conf");
    }

    @Test
    void overlayNodesRunTheAgentWithTheTunDeviceAndForwardingNeverPrivileged() {
        NodeKind node = kinds.get("overlay-node");
        assertThat(node.command(node("overlay-node")))
                .containsExactly("overlay", "agent", "--config", "/etc/netstack/overlay/agent.yml");
        assertThat(node.containerNeeds().devices()).containsExactly("/dev/net/tun");
        assertThat(node.containerNeeds().sysctls()).containsEntry("net.ipv4.ip_forward", "1")
                .containsEntry("net.ipv6.conf.all.forwarding", "1");
        assertThat(kinds.get("overlay-controller").command(node("overlay-controller")))
                .containsExactly("overlay", "controller", "--config", "/etc/netstack/overlay/controller.yml");
        assertThat(kinds.get("overlay-controller").containerNeeds().devices()).isEmpty();
        assertThat(kinds.get("host").containerNeeds()).isEqualTo(ContainerNeeds.NONE);
    }
}
