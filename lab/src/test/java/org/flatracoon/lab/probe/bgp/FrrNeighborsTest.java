package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.flatracoon.lab.probe.ProbeException;
import org.junit.jupiter.api.Test;

/** FRR 8.4.4's `show bgp neighbors json` (r1 of bgp-triangle) read into sessions. */
class FrrNeighborsTest {

    @Test
    void everyNeighbourIsASessionWithStateUptimeAndPrefixes() {
        List<BgpSession> sessions = FrrNeighbors.parse(Captured.read("frr-show-bgp-neighbors.json"));

        assertThat(sessions).extracting(BgpSession::peer).containsExactlyInAnyOrder(
                "198.51.100.226", "198.51.100.242", "2001:db8:b6:12::2", "2001:db8:b6:13::3");
        BgpSession r2 = sessions.stream().filter(s -> s.peer().equals("198.51.100.226")).findFirst().orElseThrow();
        assertThat(r2.established()).isTrue();
        assertThat(r2.uptime()).contains(Duration.ofSeconds(107));
        assertThat(r2.prefixesReceived()).isEqualTo(4);
        assertThat(r2.lastError()).isEmpty();
    }

    @Test
    void aSessionClosedByThePeersPrefixLimitCarriesTheCeaseSubcode() {
        BgpSession r2 = FrrNeighbors.parse(Captured.read("frr-show-bgp-neighbor-cease.json")).get(0);

        assertThat(r2.established()).isFalse();
        assertThat(r2.uptime()).isEmpty();
        assertThat(r2.lastError()).contains("Cease/Maximum Number of Prefixes Reached (0601)");
    }

    @Test
    void somethingOtherThanJsonIsAnErrorNamingTheCommand() {
        assertThatThrownBy(() -> FrrNeighbors.parse("% Unknown command: show bgp neighbours json"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("show bgp neighbors json");
    }
}
