package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BIRD 2.0.12's `show route all` (r2 of bgp-triangle) read into learned paths. */
class BirdRoutesTest {

    private final List<BgpRoute> routes = BirdRoutes.parse(Captured.read("bird-show-route-all.txt"));

    @Test
    void onlyPathsLearnedOverBgpAreListedNotConnectedOnes() {
        assertThat(routes).extracting(BgpRoute::prefix).doesNotContain("203.0.113.232/29", "203.0.113.72/29");
    }

    @Test
    void eachPathOfAPrefixIsListedWithItsAsPathAndOnlyOneIsBest() {
        List<BgpRoute> toR1 = routes.stream().filter(route -> route.prefix().equals("203.0.113.224/29")).toList();

        assertThat(toR1).extracting(BgpRoute::asPathText, BgpRoute::nextHop, BgpRoute::best).containsExactly(
                org.assertj.core.groups.Tuple.tuple("65001", "198.51.100.225", true),
                org.assertj.core.groups.Tuple.tuple("65003 65001", "198.51.100.234", false));
    }

    @Test
    void ipv6NextHopIsTheGlobalAddressNotTheLinkLocalOne() {
        BgpRoute best = routes.stream().filter(route -> route.prefix().equals("2001:db8:b7:1::/64") && route.best())
                .findFirst().orElseThrow();

        assertThat(best.nextHop()).isEqualTo("2001:db8:b6:12::1");
        assertThat(best.asPath()).containsExactly(65001L);
    }

    @Test
    void communitiesAreReadAsAsnColonValue() {
        String withCommunities = """
                Table master4:
                203.0.113.224/29     unicast [spine 03:51:31.475] * (100) [AS65101i]
                \tvia 198.51.100.226 on eth1
                \tType: BGP univ
                \tBGP.origin: IGP
                \tBGP.as_path: 65101
                \tBGP.next_hop: 198.51.100.226
                \tBGP.community: (65000,666) (65101,7)
                """;

        assertThat(BirdRoutes.parse(withCommunities).get(0).communities()).containsExactly("65000:666", "65101:7");
    }
}
