package org.flatracoon.netstack.overlay.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flatracoon.netstack.overlay.config.ConfigException;
import org.flatracoon.netstack.overlay.config.ControllerSettings;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredNetworksTest {
    @TempDir
    Path dir;

    private ControllerSettings settings(String networks) throws Exception {
        Path file = dir.resolve("controller.yaml");
        Files.writeString(file, "state-dir: state\nlisten: 127.0.0.1\nhttp-port: 0\nudp-port: 0\n" + networks);
        return ControllerSettings.load(file);
    }

    private String address() throws Exception {
        return Identity.loadOrCreate(dir.resolve("state")).address().toString();
    }

    @Test
    void declaredNetworksAreCreatedAtStartWhenAbsentAndKeptAfterwards() throws Exception {
        String nwid = address() + "000001";
        ControllerSettings s = settings("""
                networks:
                  - id: %s
                    name: k8s
                    private: true
                    mtu: 9000
                    v4AssignMode: {zt: true}
                    routes: [{target: 198.51.100.0/24, via: null}]
                    ipAssignmentPools: [{ipRangeStart: 198.51.100.1, ipRangeEnd: 198.51.100.99}]
                """.formatted(nwid));
        try (ControllerServer server = ControllerServer.start(s)) {
            var n = server.controller().network(nwid);
            assertThat(n.get("name").asText()).isEqualTo("k8s");
            assertThat(n.get("mtu").asInt()).isEqualTo(9000);
            assertThat(n.get("routes").get(0).get("via").isNull()).isTrue();
            server.controller().upsertNetwork(nwid, new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"name\":\"renamed by the operator\"}"));
        }
        try (ControllerServer again = ControllerServer.start(s)) {
            assertThat(again.controller().network(nwid).get("name").asText()).isEqualTo("renamed by the operator");
        }
    }

    @Test
    void aDeclaredNetworkThatCannotBeCreatedIsAProblemWithItsLine() throws Exception {
        String own = address();
        ControllerSettings s = settings("""
                networks:
                  - id: 0123456789000001
                  - id: %s000002
                    mtu: 12
                """.formatted(own));
        assertThatThrownBy(() -> ControllerServer.start(s)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(
                        dir.resolve("controller.yaml") + ":6: network 0123456789000001: network 0123456789000001"
                                + " belongs to controller 0123456789, this is " + own,
                        dir.resolve("controller.yaml") + ":7: network " + own + "000002: 'mtu' must be an integer"
                                + " in 1280..60000, not 12"));
        assertThatThrownBy(() -> settings("networks:\n  - name: no id\n  - id: 12\n"))
                .hasMessageContaining(":6: networks: each network needs an 'id'")
                .hasMessageContaining(":7: networks: '12' is not a network id");
    }
}
