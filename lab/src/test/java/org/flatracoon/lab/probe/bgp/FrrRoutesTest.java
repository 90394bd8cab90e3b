package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FRR 8.4.4's `show bgp ipv4|ipv6 unicast json` (r1 of bgp-triangle) read into learned paths. */
class FrrRoutesTest {

    @Test
    void ownNetworksAreNotLearnedRoutes() {
        List<BgpRoute> routes = FrrRoutes.parse(Captured.read("frr-show-bgp-ipv4-unicast.json"));

        assertThat(routes).extracting(BgpRoute::prefix).doesNotContain("203.0.113.224/29", "203.0.113.64/29");
    }

    @Test
    void bothPathsToAPrefixWithTheShorterAsPathBest() {
        List<BgpRoute> toR2 = FrrRoutes.parse(Captured.read("frr-show-bgp-ipv4-unicast.json")).stream()
                .filter(route -> route.prefix().equals("203.0.113.232/29")).toList();

        assertThat(toR2).extracting(BgpRoute::asPathText, BgpRoute::nextHop, BgpRoute::best).containsExactlyInAnyOrder(
                tuple("65003 65002", "198.51.100.242", false), tuple("65002", "198.51.100.226", true));
    }

    @Test
    void localPreferenceWinsOverTheShorterPath() {
        BgpRoute best = FrrRoutes.parse(Captured.read("frr-show-bgp-ipv4-unicast.json")).stream()
                .filter(route -> route.prefix().equals("203.0.113.248/29") && route.best()).findFirst().orElseThrow();

        assertThat(best.asPathText()).isEqualTo("65003 65002");
    }

    @Test
    void ipv6PathsUseTheGlobalNextHop() {
        List<BgpRoute> toR2 = FrrRoutes.parse(Captured.read("frr-show-bgp-ipv6-unicast.json")).stream()
                .filter(route -> route.prefix().equals("2001:db8:b7:2::/64")).toList();

        assertThat(toR2).extracting(BgpRoute::nextHop, BgpRoute::best).containsExactlyInAnyOrder(
                tuple("2001:db8:b6:13::3", false), tuple("2001:db8:b6:12::2", true));
    }
}
