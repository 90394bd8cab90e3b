package org.flatracoon.netstack.hesiod.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class HesiodServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private HesiodZones zones;
    private HesiodServer server;

    @BeforeEach
    void loadZones() throws Exception {
        zones = HesiodZones.of(ZoneLoader.load(ZoneLoaderTestAccess.fixture()));
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private HesiodServer start(HesiodServerConfig config) throws IOException {
        server = HesiodServer.start(zones, config);
        return server;
    }

    private static HesiodServerConfig loopbackConfig() {
        return HesiodServerConfig.defaults().withListenAddresses(List.of(LOOPBACK)).withPorts(0, 0);
    }

    private InetSocketAddress dns() {
        return new InetSocketAddress(LOOPBACK, server.dnsPort());
    }

    private static Message query(String name, int type, int dclass) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for: " + what).isLessThan(deadline);
            LockSupport.parkNanos(10_000_000L); // re-check every 10 ms
        }
    }

    @Test
    void answersOverUdpAndSeveralQueriesOverOneTcpConnection() throws Exception {
        start(loopbackConfig());

        Message udp = DnsTestClient.udp(dns(), query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.IN));
        assertThat(udp.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(udp.getSection(Section.ANSWER)).hasSize(1);

        List<Message> tcp = DnsTestClient.tcp(dns(),
                query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS),
                query("1001.uid.ns.example.org.", Type.TXT, DClass.IN),
                query("nobody.passwd.ns.example.org.", Type.TXT, DClass.HS));
        assertThat(tcp).extracting(Message::getRcode).containsExactly(Rcode.NOERROR, Rcode.NOERROR, Rcode.NXDOMAIN);
        assertThat(tcp.get(1).getSection(Section.ANSWER)).hasSize(2);
    }

    @Test
    void truncatedUdpAnswerIsCompleteWhenRetriedOverTcp() throws Exception {
        start(loopbackConfig());
        Message q = query("mirrors.sloc.ns.example.org.", Type.TXT, DClass.HS);

        Message udp = DnsTestClient.udp(dns(), q);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).isEmpty();

        Message tcp = DnsTestClient.tcp(dns(), q).get(0);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void survivesAMalformedFloodOverUdpAndStillAnswersOverUdpAndTcp() throws Exception {
        start(loopbackConfig());
        Set<Integer> allowed = Set.of(Rcode.FORMERR, Rcode.REFUSED, Rcode.NOTIMP);
        List<byte[]> replies = new ArrayList<>();

        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(500);
            for (MalformedQueries.Packet p : new MalformedQueries(99).take(2_000)) {
                socket.send(new DatagramPacket(p.bytes(), p.bytes().length, dns()));
            }
            // the good query may be lost in a full socket buffer, so resend it until its answer comes
            Message good = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
            byte[] wire = good.toWire();
            Message answer = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (answer == null && System.nanoTime() < deadline) {
                socket.send(new DatagramPacket(wire, wire.length, dns()));
                answer = receiveCollecting(socket, good.getHeader().getID(), replies);
            }
            assertThat(answer).as("answer to a good query after the flood").isNotNull();
            assertThat(answer.getSection(Section.ANSWER)).hasSize(1);
        }

        assertThat(replies).isNotEmpty().allSatisfy(r -> {
            assertThat(r[2] & 0x80).as("QR").isEqualTo(0x80);
            assertThat(r[3] & 0x0F).isIn(allowed);
        });
        Message tcp = DnsTestClient.tcp(dns(), query("staff.group.ns.example.org.", Type.TXT, DClass.IN)).get(0);
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(1);
        await("malformed packets counted", () -> server.metrics().malformedTotal() > 0);
    }

    /** Receives until the reply with {@code id} arrives (returned) or the socket times out (null); others are kept. */
    private static Message receiveCollecting(DatagramSocket socket, int id, List<byte[]> others) throws IOException {
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            Message m = new Message(data);
            if (m.getHeader().getID() == id && m.getRcode() == Rcode.NOERROR) {
                return m;
            }
            others.add(data);
        }
    }

    @Test
    void tcpConnectionsBeyondTheCapAreClosedAndIdleOnesTimeOut() throws Exception {
        start(loopbackConfig().withTcpLimits(1, Duration.ofMillis(300)));

        try (Socket first = new Socket()) {
            first.connect(dns(), DnsTestClient.TIMEOUT_MILLIS);
            first.setSoTimeout(DnsTestClient.TIMEOUT_MILLIS);
            DnsTestClient.writeFramed(new DataOutputStream(first.getOutputStream()),
                    query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS).toWire());
            assertThat(DnsTestClient.readFramed(new java.io.DataInputStream(first.getInputStream())).getRcode())
                    .isEqualTo(Rcode.NOERROR);

            try (Socket second = new Socket()) {
                second.connect(dns(), DnsTestClient.TIMEOUT_MILLIS);
                second.setSoTimeout(DnsTestClient.TIMEOUT_MILLIS);
                assertThat(DnsTestClient.closedByPeer(second)).as("second connection refused by the cap").isTrue();
            }
            assertThat(DnsTestClient.closedByPeer(first)).as("idle connection closed").isTrue();
        }

        // the slot is free again (its release may lag the close by a moment)
        Message reply = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (reply == null && System.nanoTime() < deadline) {
            try {
                reply = DnsTestClient.tcp(dns(), query("staff.group.ns.example.org.", Type.TXT, DClass.HS)).get(0);
            } catch (IOException closedBecauseSlotStillTaken) {
                LockSupport.parkNanos(10_000_000L); // re-check every 10 ms
            }
        }
        assertThat(reply).isNotNull();
    }

    @Test
    void healthAndMetricsOverHttp() throws Exception {
        start(loopbackConfig());
        DnsTestClient.udp(dns(), query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS));
        DnsTestClient.udp(dns(), query("version.bind.", Type.TXT, DClass.CH));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://" + LOOPBACK.getHostAddress() + ":" + server.httpPort();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(health.body()).isEqualTo(
                "{\"ready\":true,\"zones\":[{\"name\":\"ns.example.org.\",\"role\":\"primary\",\"loaded\":true,\"serial\":2026112601,\"records\":78}]}");
        JsonNode json = new ObjectMapper().readTree(health.body());
        assertThat(json.get("ready").asBoolean()).isTrue();

        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("# TYPE hesiod_queries_total counter")
                .contains("hesiod_queries_total{qclass=\"HS\",qtype=\"TXT\",rcode=\"NOERROR\",transport=\"udp\"} 1.0")
                .contains("hesiod_queries_total{qclass=\"CH\",qtype=\"TXT\",rcode=\"REFUSED\",transport=\"udp\"} 1.0")
                .contains("# TYPE hesiod_malformed_total counter")
                .contains("hesiod_malformed_total 0.0")
                .contains("# TYPE hesiod_query_duration_seconds histogram")
                .contains("hesiod_query_duration_seconds_count 2");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void notReadyOnceClosed() throws Exception {
        start(loopbackConfig());
        assertThat(server.health().ready()).isTrue();
        server.close();
        assertThat(server.health().ready()).isFalse();
        assertThat(server.health().zones()).hasSize(1);
        server = null;
    }

    @Test
    void describesWhatItServes() throws Exception {
        start(loopbackConfig());
        assertThat(server.describe()).isEqualTo("serving ns.example.org. (serial 2026112601, 78 records) on UDP/TCP "
                + LOOPBACK.getHostAddress() + ":" + server.dnsPort() + ", HTTP " + LOOPBACK.getHostAddress() + ":"
                + server.httpPort());
    }

    @Test
    void aTakenPortIsAnErrorAndLeavesNothingBound() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            HesiodServerConfig config = loopbackConfig().withPorts(taken.getLocalPort(), 0);
            assertThatThrownBy(() -> HesiodServer.start(zones, config)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void wildcardListenerAnswersOnIpv4AndIpv6() throws Exception {
        start(HesiodServerConfig.defaults().withPorts(0, 0));
        Message q = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.IN);

        assertThat(DnsTestClient.udp(new InetSocketAddress("127.0.0.1", server.dnsPort()), q).getRcode())
                .isEqualTo(Rcode.NOERROR);
        assumeTrue(ipv6LoopbackAvailable(), "no IPv6 loopback here");
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), server.dnsPort());
        assertThat(DnsTestClient.udp(v6, q).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(DnsTestClient.tcp(v6, q).get(0).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    private static boolean ipv6LoopbackAvailable() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .anyMatch(a -> a.isLoopbackAddress() && a.getAddress().length == 16);
        } catch (IOException e) {
            return false;
        }
    }
}
