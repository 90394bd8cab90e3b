package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayCommandTest {
    @TempDir
    Path dir;

    @Test
    void agentConfigProblemsAreListedWithTheirLinesAndExitTwo() throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, """
                state-dir: state
                network: 8056c2e21c00001
                controller: 198.51.100.10:99999
                pod-subnets: [10.244.1.0/33]
                colour: blue
                """);
        NetstackTest.Run run = NetstackTest.run("overlay", "agent", "--config", config.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                config + ":2: network: '8056c2e21c00001' is not a network id (16 hex digits)",
                config + ":3: controller: '99999' is not a port (1..65535)",
                config + ":4: pod-subnets: '10.244.1.0/33': prefix length must be 0..32",
                config + ":5: unknown setting 'colour' (expected one of [config-poll, controller, endpoints, "
                        + "http-port, interface, network, pod-subnets, relay, relay-address, root, state-dir, udp-port])");
    }

    @Test
    void controllerConfigWithoutStateDirIsRefused() throws Exception {
        Path config = dir.resolve("controller.yaml");
        Files.writeString(config, "http-port: 9993\n");
        NetstackTest.Run run = NetstackTest.run("overlay", "controller", "--config", config.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(config + ":1: missing 'state-dir'");
    }

    @Test
    void identityIsCreatedOnceAndPrinted() {
        NetstackTest.Run first = NetstackTest.run("overlay", "identity", "--state-dir", dir.toString());
        NetstackTest.Run second = NetstackTest.run("overlay", "identity", "--state-dir", dir.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).matches("[0-9a-f]{10}:0:[0-9a-f]{128}\\R");
        assertThat(second.out()).isEqualTo(first.out());
    }
}
