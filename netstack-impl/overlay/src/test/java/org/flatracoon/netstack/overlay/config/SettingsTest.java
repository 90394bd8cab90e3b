package org.flatracoon.netstack.overlay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final Path file = Path.of("/etc/overlay/agent.yaml");

    @Test
    void agentSettingsWithEverythingGiven() throws Exception {
        AgentSettings s = AgentSettings.parse(file, """
                state-dir: state
                network: 8056c2e21c000001
                controller: "[2001:db8::10]:9000"
                relay: 198.51.100.10:9993
                udp-port: 9993
                http-port: 9994
                interface: zt0
                endpoints: [198.51.100.2]
                pod-subnets: [10.244.1.0/24, 2001:db8:244:1::/64]
                config-poll: 500ms
                """);
        assertThat(s.stateDir()).isEqualTo(Path.of("/etc/overlay/state"));
        assertThat(s.controller()).isEqualTo(new InetSocketAddress("2001:db8::10", 9000));
        assertThat(s.relay()).contains(new InetSocketAddress("198.51.100.10", 9993));
        assertThat(s.podSubnets()).hasToString("[10.244.1.0/24, 2001:db8:244:1::/64]");
        assertThat(s.configPoll()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void agentDefaultsNameTheInterfaceAfterTheNetworkNumber() throws Exception {
        AgentSettings s = AgentSettings.parse(file, "state-dir: /s\nnetwork: 8056c2e21c000001\ncontroller: 198.51.100.10\n");
        assertThat(s.interfaceName()).isEqualTo("zt000001");
        assertThat(s.controller().getPort()).isEqualTo(9993);
        assertThat(s.udpPort()).isEqualTo(9993);
        assertThat(s.httpPort()).isEqualTo(9994);
        assertThat(s.configPoll()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void missingAndMalformedSettingsAreAllReportedWithLines() {
        assertThatThrownBy(() -> AgentSettings.parse(file, """
                network: 8056c2e21c000001
                controller: example.org
                interface: a-name-that-is-far-too-long
                config-poll: 10ms
                """)).isInstanceOf(ConfigException.class).satisfies(e -> assertThat(((ConfigException) e).problems())
                .containsExactly(
                        file + ":1: missing 'state-dir'",
                        file + ":2: controller: 'example.org' is not an IP address",
                        file + ":3: interface: 'a-name-that-is-far-too-long' is not an interface name"
                                + " (1..15 of A-Z a-z 0-9 _ . -)",
                        file + ":4: config-poll: '10ms' is shorter than 100ms"));
        assertThatThrownBy(() -> ControllerSettings.parse(file, "state-dir: [a, b]\nauth-token: short\n"))
                .hasMessageContaining(":1: state-dir: expected a single value")
                .hasMessageContaining(":2: auth-token: a token has at least 8 characters");
        assertThatThrownBy(() -> ControllerSettings.parse(file, "state-dir: x\n  bad: indent\n"))
                .hasMessageContaining("YAML syntax");
    }
}
