package org.flatracoon.lab.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.kind.ReadinessCheck.Readiness;
import org.flatracoon.lab.probe.FakeNode;
import org.junit.jupiter.api.Test;

/** The router kinds: what they need from the kernel, and when they count as ready. */
class RouterKindsTest {

    @Test
    void everyRouterForwardsIpv4AndIpv6AndHostsDoNot() {
        Map<String, String> forwarding = Map.of("net.ipv4.ip_forward", "1", "net.ipv6.conf.all.forwarding", "1");

        assertThat(new BirdKind().containerNeeds().sysctls()).isEqualTo(forwarding);
        assertThat(new FrrKind().containerNeeds().sysctls()).isEqualTo(forwarding);
        assertThat(new BgpKind().containerNeeds().sysctls()).isEqualTo(forwarding);
        assertThat(new Nat64Kind().containerNeeds().sysctls()).isEqualTo(forwarding);
        assertThat(new HostKind().containerNeeds().sysctls()).isEmpty();
    }

    @Test
    void onlyFrrNeedsSysAdminAndWaitsForItsInterfaces() {
        assertThat(new FrrKind().containerNeeds().capabilities()).containsExactly("SYS_ADMIN");
        assertThat(new FrrKind().networkReadyMarker()).contains("/run/flatracoon/network-ready");
        assertThat(new BirdKind().containerNeeds().capabilities()).isEmpty();
        assertThat(new BirdKind().networkReadyMarker()).isEmpty();
    }

    @Test
    void birdIsReadyWhenBirdcSaysTheDaemonIsUp() {
        FakeNode router = new FakeNode("r2").answers("birdc",
                new ExecResult(1, "", "Unable to connect to server control socket (/run/bird/bird.ctl): No such file or directory\n"),
                FakeNode.ok("BIRD 2.0.12 ready.\nBIRD 2.0.12\nRouter ID is 198.51.100.226\nDaemon is up and running\n"));

        Readiness first = new BirdKind().readiness().check(router);
        Readiness second = new BirdKind().readiness().check(router);

        assertThat(first.ready()).isFalse();
        assertThat(first.detail()).contains("Unable to connect to server control socket");
        assertThat(second.ready()).isTrue();
        assertThat(router.commands()).containsOnly(List.of("birdc", "show", "status"));
    }

    @Test
    void frrIsReadyWhenVtyshAnswersWithJson() {
        FakeNode router = new FakeNode("r1").answers("vtysh",
                new ExecResult(1, "", "Exiting: failed to connect to any daemons.\n"),
                FakeNode.ok("{\n\"ipv4Unicast\":{\"routerId\":\"198.51.100.225\"}}\n"));

        assertThat(new FrrKind().readiness().check(router).ready()).isFalse();
        assertThat(new FrrKind().readiness().check(router).ready()).isTrue();
    }

    @Test
    void ourSpeakerIsReadyWhenHealthSaysOk() {
        FakeNode router = new FakeNode("ours").answers("curl",
                new ExecResult(7, "", "curl: (7) Failed to connect to 127.0.0.1 port 8080\n"),
                FakeNode.ok("{\"status\": \"ok\", \"routerId\": \"198.51.100.225\", \"asn\": 65201, \"neighbors\": 5, \"established\": 0}"));

        assertThat(new BgpKind().readiness().check(router).ready()).isFalse();
        assertThat(new BgpKind().readiness().check(router).ready()).isTrue();
        assertThat(new BgpKind().command(null)).containsExactly("bgp", "serve", "--config", "/etc/netstack/bgp/router.yml");
    }
}
