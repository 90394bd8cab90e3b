package org.flatracoon.netstack.bgp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.bgp.config.BgpConfig;
import org.flatracoon.netstack.bgp.config.ConfigLoader;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.PrefixBuffer;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.flatracoon.netstack.bgp.wire.UpdateEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two of our speakers and hand-driven peers on loopback addresses (127.0.0.1 is A, 127.0.0.2 is B, 127.0.0.3+ are
 * test peers), ephemeral ports, no kernel routes.
 */
class BgpSpeakerTest {
    private static final Duration BUDGET = Duration.ofSeconds(20);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private BgpSpeaker speaker(String yaml) throws Exception {
        BgpConfig c = ConfigLoader.parse(Path.of("test.yml"), yaml).withKernel(false);
        BgpSpeaker s = BgpSpeaker.start(c);
        open.add(s);
        return s;
    }

    /** A: AS 65001 on 127.0.0.1, passive towards B and the test peers, originates a prefix. */
    private BgpSpeaker speakerA(String extraNeighbors) throws Exception {
        return speaker("""
                router-id: 10.0.0.1
                asn: 65001
                listen: [127.0.0.1]
                port: 0
                http: 0
                kernel: false
                networks: [203.0.113.0/24, "2001:db8:1::/48"]
                policies:
                  all: [{accept: true}]
                  out:
                    - set: {next-hop: 198.51.100.1, community-add: ["65001:7"]}
                      accept: true
                neighbors:
                  - {address: 127.0.0.2, remote-as: 65002, passive: true, import: all, export: out, hold-time: 9,
                     families: [ipv4, ipv6], ipv6-next-hop: "2001:db8::1"}
                """ + extraNeighbors);
    }

    private BgpSpeaker speakerB(int portOfA) throws Exception {
        return speaker("""
                router-id: 10.0.0.2
                asn: 65002
                listen: [127.0.0.2]
                port: 0
                http: 0
                kernel: false
                policies:
                  all: [{accept: true}]
                neighbors:
                  - {address: 127.0.0.1, remote-as: 65001, port: %d, local-address: 127.0.0.2, import: all,
                     export: all, hold-time: 9, connect-retry: 1, families: [ipv4, ipv6]}
                """.formatted(portOfA));
    }

    private JsonNode get(BgpSpeaker s, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return StatusJson.JSON.readTree(r.body());
    }

    private int status(BgpSpeaker s, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String metrics(BgpSpeaker s) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.httpPort()
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void twoSpeakersExchangeRoutesAndShowThemInTheApi() throws Exception {
        BgpSpeaker a = speakerA("");
        BgpSpeaker b = speakerB(a.bgpPort());
        await().atMost(BUDGET).until(() -> b.state("127.0.0.1").equals("Established"));
        await().atMost(BUDGET).until(() -> get(b, "/api/rib").path("routes").size() == 2);

        JsonNode rib = get(b, "/api/rib?family=ipv4");
        JsonNode path = rib.path("routes").get(0).path("paths").get(0);
        assertThat(rib.path("routes").get(0).path("prefix").asText()).isEqualTo("203.0.113.0/24");
        assertThat(path.path("best").asBoolean()).isTrue();
        assertThat(path.path("from").asText()).isEqualTo("127.0.0.1");
        assertThat(path.path("asPath").asText()).isEqualTo("65001");
        assertThat(path.path("nextHop").asText()).isEqualTo("198.51.100.1");
        assertThat(path.path("communities").get(0).asText()).isEqualTo("65001:7");
        JsonNode v6 = get(b, "/api/rib?family=ipv6").path("routes").get(0);
        assertThat(v6.path("prefix").asText()).isEqualTo("2001:db8:1::/48");
        assertThat(v6.path("paths").get(0).path("nextHop").asText()).isEqualTo("198.51.100.1");

        JsonNode n = get(a, "/api/neighbors").path("neighbors").get(0);
        assertThat(n.path("state").asText()).isEqualTo("Established");
        assertThat(n.path("holdTime").asInt()).isEqualTo(9);
        assertThat(n.path("keepalive").asInt()).isEqualTo(3);
        assertThat(n.path("peerRouterId").asText()).isEqualTo("10.0.0.2");
        assertThat(n.path("prefixes").path("advertised").asLong()).isEqualTo(2);
        assertThat(n.path("capabilities").path("negotiated").toString()).contains("ipv4-unicast", "ipv6-unicast",
                "route-refresh", "four-octet-as");
        assertThat(get(a, "/api/rib/out/127.0.0.2").path("routes")).hasSize(2);
        assertThat(get(b, "/api/rib/in/127.0.0.1").path("routes").get(0).path("accepted").asBoolean()).isTrue();
        assertThat(get(a, "/health").path("established").asInt()).isEqualTo(1);
        assertThat(status(a, "/api/rib/in/127.0.0.9")).isEqualTo(404);
        assertThat(metrics(a)).contains("bgp_neighbor_established{neighbor=\"127.0.0.2\"} 1.0");
    }

    @Test
    void administrativeShutdownSendsCeaseAndThePeerWithdrawsTheRoutes() throws Exception {
        BgpSpeaker a = speakerA("");
        BgpSpeaker b = speakerB(a.bgpPort());
        await().atMost(BUDGET).until(() -> get(b, "/api/rib").path("routes").size() == 2);
        a.shutdown("127.0.0.2");
        await().atMost(BUDGET).until(() -> get(b, "/api/rib").path("routes").size() == 0);
        JsonNode n = get(b, "/api/neighbors").path("neighbors").get(0);
        assertThat(n.path("lastError").asText()).contains("6/2 (Cease, Administrative Shutdown)");
        assertThat(n.path("state").asText()).isNotEqualTo("Established");
    }

    private static final String TEST_PEERS = """
              - {address: 127.0.0.3, remote-as: 65003, passive: true, import: all, export: all}
              - {address: 127.0.0.4, remote-as: 65004, passive: true, import: all, export: all, max-prefix: 2}
            """;

    private static byte[] update(long peerAs, String... prefixes) {
        PrefixBuffer b = new PrefixBuffer(Family.IPV4);
        for (String p : prefixes) {
            Prefixes.Parsed parsed = Prefixes.parse(p, new String[1]).orElseThrow();
            b.add(parsed.hi(), parsed.lo(), parsed.length());
        }
        PathAttributes attrs = PathAttributes.builder().origin(0).asPath(AsPath.sequence(peerAs))
                .nextHop(Prefixes.parseAddress("198.51.100.3").orElseThrow()).build();
        return new UpdateEncoder(true).announce(Family.IPV4, attrs, b, 0, b.size()).get(0);
    }

    @Test
    void garbageFromOnePeerGetsANotificationAndTheOtherSessionCarriesOn() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        BgpSpeaker b = speakerB(a.bgpPort());
        await().atMost(BUDGET).until(() -> b.state("127.0.0.1").equals("Established"));
        try (TestPeer bad = new TestPeer("127.0.0.3", a.bgpPort())) {
            bad.establish(65003, 0x0A000003L);
            byte[] broken = Messages.keepalive();
            broken[3] = 0;
            bad.send(broken);
            assertThat(bad.readNotification()).isEqualTo(Notification.of(1, 1));
            assertThat(bad.closedByPeer()).isTrue();
        }
        assertThat(a.state("127.0.0.2")).isEqualTo("Established");
        assertThat(get(b, "/api/rib").path("routes")).hasSize(2);
    }

    /** Hundreds of mutated UPDATEs, reconnecting after every reset: the speaker and its other session carry on. */
    @Test
    void aPeerSendingMutatedUpdatesNeverDisturbsTheOtherSession() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        BgpSpeaker b = speakerB(a.bgpPort());
        await().atMost(BUDGET).until(() -> b.state("127.0.0.1").equals("Established"));
        java.util.Random random = new java.util.Random(4271);
        byte[] valid = update(65003, "198.51.100.0/25", "198.51.100.128/26");
        int sent = 0;
        int resets = 0;
        while (sent < 400) {
            await().atMost(BUDGET).until(() -> !a.state("127.0.0.3").equals("OpenSent")
                    && !a.state("127.0.0.3").equals("OpenConfirm") && !a.state("127.0.0.3").equals("Established"));
            try (TestPeer hostile = new TestPeer("127.0.0.3", a.bgpPort())) {
                hostile.establish(65003, 0x0A000003L);
                boolean up = true;
                for (int i = 0; i < 50 && up; i++, sent++) {
                    byte[] m = valid.clone();
                    for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                        m[19 + random.nextInt(m.length - 19)] = (byte) random.nextInt(256);
                    }
                    try {
                        hostile.send(m);
                    } catch (IOException e) {
                        up = false;
                    }
                }
                resets++;
            }
        }
        assertThat(resets).isGreaterThan(1);
        assertThat(b.state("127.0.0.1")).isEqualTo("Established");
        assertThat(get(b, "/api/neighbors").path("neighbors").get(0).path("establishedTransitions").asInt()).isEqualTo(1);
        assertThat(get(a, "/health").path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aMalformedCommunityIsTreatedAsWithdrawAndTheSessionStaysUp() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        try (TestPeer peer = new TestPeer("127.0.0.3", a.bgpPort())) {
            peer.establish(65003, 0x0A000003L);
            peer.send(update(65003, "198.51.100.0/25"));
            await().atMost(BUDGET).until(() -> a.inspect(r -> r.locRibSize(Family.IPV4)) == 2);
            byte[] good = update(65003, "198.51.100.0/25");
            // append a COMMUNITIES attribute of length 3 (RFC 7606 §7.8: treat-as-withdraw)
            byte[] bad = withExtraAttribute(good, new byte[] {(byte) 0xC0, 8, 3, 1, 2, 3});
            peer.send(bad);
            await().atMost(BUDGET).until(() -> a.inspect(r -> r.locRibSize(Family.IPV4)) == 1);
            assertThat(a.state("127.0.0.3")).isEqualTo("Established");
            assertThat(a.metrics().updateErrors("127.0.0.3", "treat-as-withdraw")).isEqualTo(1);
        }
    }

    /** Inserts an attribute at the end of the path attributes of an IPv4 UPDATE without withdrawn routes. */
    private static byte[] withExtraAttribute(byte[] update, byte[] attribute) {
        int attrLength = ((update[21] & 0xFF) << 8) | (update[22] & 0xFF);
        int attrEnd = 23 + attrLength;
        byte[] out = new byte[update.length + attribute.length];
        System.arraycopy(update, 0, out, 0, attrEnd);
        System.arraycopy(attribute, 0, out, attrEnd, attribute.length);
        System.arraycopy(update, attrEnd, out, attrEnd + attribute.length, update.length - attrEnd);
        out[16] = (byte) (out.length >>> 8);
        out[17] = (byte) out.length;
        out[21] = (byte) ((attrLength + attribute.length) >>> 8);
        out[22] = (byte) (attrLength + attribute.length);
        return out;
    }

    @Test
    void moreThanMaxPrefixIsCeaseSubcodeOne() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        try (TestPeer peer = new TestPeer("127.0.0.4", a.bgpPort())) {
            peer.establish(65004, 0x0A000004L);
            peer.send(update(65004, "198.51.100.0/26", "198.51.100.64/26", "198.51.100.128/26"));
            Notification n = peer.readNotification();
            assertThat(n.code()).isEqualTo(Notification.CEASE);
            assertThat(n.subcode()).isEqualTo(Notification.MAX_PREFIXES);
            assertThat(peer.closedByPeer()).isTrue();
        }
        await().atMost(BUDGET).until(() -> a.inspect(r -> r.locRibSize(Family.IPV4)) == 1);
    }

    @Test
    void theWrongPeerAsIsRefusedWithBadPeerAs() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        try (TestPeer peer = new TestPeer("127.0.0.3", a.bgpPort())) {
            peer.open(65099, 0x0A000003L, 90);
            Notification n = peer.readNotification();
            assertThat(n.code()).isEqualTo(Notification.OPEN_ERROR);
            assertThat(n.subcode()).isEqualTo(Notification.BAD_PEER_AS);
        }
    }

    @Test
    void anUnknownPeersConnectionIsClosed() throws Exception {
        BgpSpeaker a = speakerA("");
        try (TestPeer stranger = new TestPeer("127.0.0.9", a.bgpPort())) {
            stranger.open(65009, 0x0A000009L, 90);
            assertThat(stranger.closedByPeer()).isTrue();
        }
    }

    @Test
    void holdTimerExpiryIsNotification4() throws Exception {
        BgpSpeaker a = speakerA("""
                  - {address: 127.0.0.5, remote-as: 65005, passive: true, import: all, export: all, hold-time: 3}
                """);
        try (TestPeer silent = new TestPeer("127.0.0.5", a.bgpPort())) {
            silent.open(65005, 0x0A000005L, 3);
            silent.readUntil(Messages.OPEN);
            silent.send(Messages.keepalive());
            // and then silence: no KEEPALIVE for 3 s
            Notification n = silent.readNotification();
            assertThat(n).isEqualTo(Notification.of(Notification.HOLD_TIMER_EXPIRED, 0));
        }
    }

    private static int updatesUntilEndOfRib(TestPeer peer) throws IOException {
        int updates = 0;
        byte[] m;
        while ((m = peer.readUntil(Messages.UPDATE)) != null && m.length != 23) {
            updates++;
        }
        return updates;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Both sides connect at once: RFC 4271 §6.8 keeps one connection, the one from the higher BGP identifier. */
    @Test
    void aConnectionCollisionEndsWithOneEstablishedSession() throws Exception {
        int portA = freePort();
        int portB = freePort();
        String template = """
                router-id: %s
                asn: %d
                listen: [%s]
                port: %d
                http: 0
                kernel: false
                policies:
                  all: [{accept: true}]
                neighbors:
                  - {address: %s, remote-as: %d, port: %d, local-address: %s, import: all, export: all, connect-retry: 1}
                """;
        BgpSpeaker a = speaker(template.formatted("10.0.0.1", 65001, "127.0.0.1", portA, "127.0.0.2", 65002, portB,
                "127.0.0.1"));
        BgpSpeaker b = speaker(template.formatted("10.0.0.2", 65002, "127.0.0.2", portB, "127.0.0.1", 65001, portA,
                "127.0.0.2"));
        await().atMost(BUDGET).until(() -> a.state("127.0.0.2").equals("Established")
                && b.state("127.0.0.1").equals("Established"));
        assertThat(get(a, "/api/neighbors").path("neighbors").get(0).path("establishedTransitions").asInt()).isEqualTo(1);
        assertThat(get(b, "/api/neighbors").path("neighbors").get(0).path("establishedTransitions").asInt()).isEqualTo(1);
    }

    /**
     * Drives a collision by hand: A connects out to the test peer (connection 1) while the test peer connects in
     * (connection 2); both reach OpenConfirm/OPEN. {@code peerId} decides which one survives (§6.8).
     */
    private void collide(long peerId, boolean incomingWins) throws Exception {
        try (java.net.ServerSocket listener = new java.net.ServerSocket()) {
            listener.bind(new java.net.InetSocketAddress("127.0.0.7", 0));
            BgpSpeaker a = speakerA("""
                      - {address: 127.0.0.7, remote-as: 65007, port: %d, local-address: 127.0.0.1, import: all, export: all}
                    """.formatted(listener.getLocalPort()));
            try (TestPeer outgoing = new TestPeer(listener.accept())) {
                outgoing.readUntil(Messages.OPEN);
                outgoing.open(65007, peerId, 90);
                assertThat(outgoing.readUntil(Messages.KEEPALIVE)).as("A is in OpenConfirm on its own connection").isNotNull();
                try (TestPeer incoming = new TestPeer("127.0.0.7", a.bgpPort())) {
                    incoming.readUntil(Messages.OPEN);
                    incoming.open(65007, peerId, 90);
                    TestPeer loser = incomingWins ? outgoing : incoming;
                    TestPeer winner = incomingWins ? incoming : outgoing;
                    assertThat(loser.readNotification()).isEqualTo(Notification.of(Notification.CEASE,
                            Notification.CONNECTION_COLLISION));
                    winner.send(Messages.keepalive());
                    await().atMost(BUDGET).until(() -> a.state("127.0.0.7").equals("Established"));
                    assertThat(winner.readUntil(Messages.UPDATE)).as("routes flow on the surviving connection").isNotNull();
                }
            }
        }
    }

    @Test
    void collisionKeepsThePeersConnectionWhenThePeerHasTheHigherIdentifier() throws Exception {
        collide(0x0A0000C8L, true);
    }

    @Test
    void collisionKeepsOurConnectionWhenWeHaveTheHigherIdentifier() throws Exception {
        collide(0x09000001L, false);
    }

    @Test
    void routeRefreshResendsTheTable() throws Exception {
        BgpSpeaker a = speakerA(TEST_PEERS);
        try (TestPeer peer = new TestPeer("127.0.0.3", a.bgpPort())) {
            peer.establish(65003, 0x0A000003L);
            assertThat(updatesUntilEndOfRib(peer)).as("the table, then End-of-RIB").isEqualTo(1);
            peer.send(Messages.routeRefresh(Family.IPV4, Messages.REFRESH_REQUEST));
            assertThat(updatesUntilEndOfRib(peer)).as("the table again").isEqualTo(1);
        }
    }
}
