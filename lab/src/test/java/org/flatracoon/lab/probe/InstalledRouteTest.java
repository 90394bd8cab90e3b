package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.junit.jupiter.api.Test;

/** iproute2's `ip -j route get` (captured on r1 of bgp-triangle) read into the route traffic takes. */
class InstalledRouteTest {

    @Test
    void ipv4RouteThroughANeighbour() {
        InstalledRoute route = InstalledRoute.parse(
                "[{\"dst\":\"203.0.113.249\",\"gateway\":\"198.51.100.242\",\"dev\":\"eth2\",\"prefsrc\":\"198.51.100.241\",\"flags\":[],\"uid\":0,\"cache\":[]}]");

        assertThat(route).isEqualTo(new InstalledRoute("203.0.113.249", "eth2", Optional.of("198.51.100.242")));
    }

    @Test
    void ipv6RouteThroughANeighbour() {
        InstalledRoute route = InstalledRoute.parse(
                "[{\"dst\":\"2001:db8:b7:2::1\",\"from\":\"::\",\"gateway\":\"2001:db8:b6:12::2\",\"dev\":\"eth1\",\"protocol\":\"bgp\",\"prefsrc\":\"2001:db8:b6:12::1\",\"metric\":20,\"flags\":[],\"pref\":\"medium\"}]");

        assertThat(route.device()).isEqualTo("eth1");
        assertThat(route.gateway()).contains("2001:db8:b6:12::2");
    }

    @Test
    void noRouteAtAllIsEmpty() {
        FakeNode node = new FakeNode("r1").answers("ip", new ExecResult(2, "", "RTNETLINK answers: Network is unreachable\n"));

        assertThat(InstalledRoute.lookup(node, "203.0.113.249")).isEmpty();
    }

    @Test
    void unreadableOutputIsAnError() {
        assertThatThrownBy(() -> InstalledRoute.parse("[]")).isInstanceOf(ProbeException.class);
    }
}
