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
        assertThat(kinds.names()).containsExactly("hesiod", "host", "bind", "linux", "overlay-controller", "overlay-node");
        assertThat(kinds.knows("hesiod")).isTrue();
        assertThat(kinds.knows("bird")).isFalse();
    }

    @Test
    void anUnknownKindIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> kinds.get("frr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown kind 'frr'; known kinds: [hesiod, host, bind, linux, overlay-controller, overlay-node]");
    }

    @Test
    void ourImagesAreTaggedWithTheProjectVersionNeverLatest() {
        assertThat(kinds.defaultImage("hesiod")).contains("flatracoon/netstack:0.1.0");
        assertThat(kinds.defaultImage("host")).contains("flatracoon/host:0.1.0");
        assertThat(kinds.defaultImage("bind")).contains("flatracoon/bind:0.1.0");
        assertThat(kinds.defaultImage("linux")).isEmpty();
        assertThat(kinds.defaultImage("bird")).isEmpty();
    }

    @Test
    void startupConfigGoesWhereEachKindReadsIt() {
        assertThat(kinds.acceptsStartupConfig("hesiod")).isTrue();
        assertThat(kinds.get("hesiod").startupConfigTarget()).contains("/etc/netstack/hesiod/zone.db");
        assertThat(kinds.acceptsStartupConfig("host")).isTrue();
        assertThat(kinds.get("host").startupConfigTarget()).contains("/etc/hesiod.conf");
        assertThat(kinds.acceptsStartupConfig("linux")).isFalse();
        assertThat(kinds.acceptsStartupConfig("bird")).isFalse();
    }

    @Test
    void aHesiodNodeServesItsStartupConfigAndHostsKeepTheirImagesCommand() {
        assertThat(kinds.get("hesiod").command(node("hesiod")))
                .containsExactly("hesiod", "serve", "--zone", "/etc/netstack/hesiod/zone.db", "--http-port", "8080");
        assertThat(kinds.get("host").command(node("host"))).isEmpty();
        assertThat(kinds.get("linux").command(node("linux"))).isEmpty();
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
