package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FRR 8.4.4's `show bgp ipv4|ipv6 unicast PREFIX json` (leaf1/leaf2 of bgp-backbone) read into learned paths. */
class FrrRouteTest {

    @Test
    void aPathLearnedThroughTheSpine() {
        List<BgpRoute> routes = FrrRoute.parse(Captured.read("frr-show-bgp-ipv4-unicast-prefix.json"));

        assertThat(routes).containsExactly(
                new BgpRoute("203.0.113.64/29", "198.51.100.233", List.of(65000L, 65101L), List.of(), true));
    }

    @Test
    void ipv6PathsCarryTheGlobalNextHop() {
        List<BgpRoute> routes = FrrRoute.parse(Captured.read("frr-show-bgp-ipv6-unicast-prefix.json"));

        assertThat(routes).extracting(BgpRoute::prefix, BgpRoute::nextHop, BgpRoute::asPathText)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2001:db8:b6:a1::/64", "2001:db8:b6:2::1", "65000 65101"));
    }

    @Test
    void aPrefixWithNoPathIsNoRoute() {
        assertThat(FrrRoute.parse(Captured.read("frr-show-bgp-ipv4-unicast-prefix-none.json"))).isEmpty();
    }

    @Test
    void theRoutersOwnNetworkIsNotALearnedRoute() {
        assertThat(FrrRoute.parse(Captured.read("frr-show-bgp-ipv4-unicast-prefix-own.json"))).isEmpty();
    }

    @Test
    void communitiesComeFromTheList() {
        String withCommunity = """
                {"prefix":"203.0.113.232/29","paths":[{"aspath":{"string":"65000 65101"},"community":{"string":"65000:666",
                "list":["65000:666"]},"valid":true,"bestpath":{"overall":true},"nexthops":[{"ip":"198.51.100.233","afi":"ipv4",
                "used":true}],"peer":{"peerId":"198.51.100.233","type":"external"}}]}
                """;

        assertThat(FrrRoute.parse(withCommunity).get(0).communities()).containsExactly("65000:666");
    }
}
