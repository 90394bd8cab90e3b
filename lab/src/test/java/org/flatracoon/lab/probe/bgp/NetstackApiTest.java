package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our speaker's status API (GET /api/neighbors, GET /api/rib; node "ours" of bgp-ring) read into the same values. */
class NetstackApiTest {

    @Test
    void neighboursAreSessionsWithTheirAddressesInOneForm() {
        List<BgpSession> sessions = NetstackNeighbors.parse(Captured.read("netstack-api-neighbors.json"));

        // the captured API wrote IPv6 addresses uncompressed (2001:db8:b6:12:0:0:0:2); the probe compresses them either way
        assertThat(sessions).extracting(BgpSession::peer, BgpSession::state).containsExactly(
                tuple("198.51.100.226", "Established"), tuple("2001:db8:b6:12::2", "Established"),
                tuple("198.51.100.241", "Established"), tuple("2001:db8:b6:13::3", "Established"),
                tuple("203.0.113.130", "Idle"));
        assertThat(sessions.get(0).uptime()).contains(Duration.ofSeconds(14));
        assertThat(sessions.get(2).prefixesReceived()).isEqualTo(3); // accepted, not received (5)
        assertThat(sessions.get(4).uptime()).isEmpty();
        assertThat(sessions.get(4).lastError()).contains("connect failed: Connection refused");
    }

    @Test
    void learnedPathsWithoutOurOwnNetworks() {
        List<BgpRoute> routes = NetstackRib.parse(Captured.read("netstack-api-rib.json"));

        assertThat(routes).extracting(BgpRoute::prefix).doesNotContain("203.0.113.224/29", "2001:db8:b7:1::/64");
        assertThat(routes).filteredOn(route -> route.prefix().equals("203.0.113.232/29"))
                .extracting(BgpRoute::nextHop, BgpRoute::asPathText, BgpRoute::best)
                .containsExactly(tuple("198.51.100.226", "65202", true), tuple("198.51.100.241", "65203 65202", false));
        assertThat(routes).filteredOn(route -> route.prefix().equals("2001:db8:b7:3::/64") && route.best())
                .extracting(BgpRoute::nextHop).containsExactly("2001:db8:b6:13::3");
    }
}
