package org.flatracoon.lab.probe.bgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.probe.ProbeException;
import org.junit.jupiter.api.Test;

/** BIRD 2.0.12's `show protocols all` (r2 of bgp-triangle) read into sessions. */
class BirdProtocolsTest {

    private static final Clock AT_CAPTURE = Clock.fixed(Instant.parse("2026-11-26T03:53:30Z"), ZoneOffset.UTC);

    @Test
    void everyBgpProtocolIsASessionAndNothingElseIs() {
        List<BgpSession> sessions = BirdProtocols.parse(Captured.read("bird-show-protocols-all.txt"), AT_CAPTURE);

        assertThat(sessions).extracting(BgpSession::peer).containsExactly(
                "198.51.100.225", "2001:db8:b6:12::1", "198.51.100.234", "2001:db8:b6:23::3");
        assertThat(sessions).allMatch(BgpSession::established);
    }

    @Test
    void prefixesReceivedAreTheRoutesImportedFromThePeer() {
        List<BgpSession> sessions = BirdProtocols.parse(Captured.read("bird-show-protocols-all.txt"), AT_CAPTURE);

        assertThat(sessions.get(0).prefixesReceived()).isEqualTo(3);
        assertThat(sessions.get(0).lastError()).isEmpty();
    }

    @Test
    void uptimeCountsFromTheSinceColumn() {
        BgpSession r1 = BirdProtocols.parse(Captured.read("bird-show-protocols-all.txt"), AT_CAPTURE).get(0);

        assertThat(r1.uptime()).contains(Duration.ofSeconds(120)); // since 03:51:30
    }

    @Test
    void aSessionShutDownByItsRouteLimitIsDownWithTheReason() {
        BgpSession r1 = BirdProtocols.parse(Captured.read("bird-show-protocols-all-limit.txt"), AT_CAPTURE).get(0);

        assertThat(r1.established()).isFalse();
        assertThat(r1.state()).isEqualTo("Down");
        assertThat(r1.uptime()).isEmpty();
        assertThat(r1.lastError()).contains("Automatic shutdown: Route limit exceeded");
    }

    @Test
    void withoutAFullDateTheUptimeIsUnknownRatherThanWrong() {
        String defaultTimeFormat = """
                BIRD 2.0.12 ready.
                Name       Proto      Table      State  Since         Info
                peer1      BGP        ---        up     03:51:30.295  Established
                  BGP state:          Established
                    Neighbor address: 198.51.100.1
                  Channel ipv4
                    Routes:         2 imported, 0 exported, 2 preferred
                """;

        BgpSession session = BirdProtocols.parse(defaultTimeFormat, AT_CAPTURE).get(0);

        assertThat(session.uptime()).isEqualTo(Optional.empty());
        assertThat(session.prefixesReceived()).isEqualTo(2);
    }

    @Test
    void aBgpBlockWithoutItsNeighbourIsAnErrorNotASilentGap() {
        String truncated = """
                peer1      BGP        ---        start  2026-11-26 03:51:30  Connect
                  Channel ipv4
                """;

        assertThatThrownBy(() -> BirdProtocols.parse(truncated, AT_CAPTURE))
                .isInstanceOf(ProbeException.class).hasMessageContaining("Neighbor address");
    }
}
