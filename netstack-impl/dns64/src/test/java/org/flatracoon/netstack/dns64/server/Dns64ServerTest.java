package org.flatracoon.netstack.dns64.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flatracoon.netstack.dns64.config.Dns64Config;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Ipv6Text;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The server on loopback in front of an in-process upstream: what a client sees over UDP, TCP and HTTP. */
class Dns64ServerTest {
    static final String LAB_ZONE = """
            $ORIGIN lab.test.
            $TTL 300
            @       SOA ns host 1 3600 900 604800 120
            @       NS  ns
            ns      A   203.0.113.194
            v4only  A   198.51.100.10
            dual    A   198.51.100.20
            dual    AAAA 2001:db8:6a::20
            cn      CNAME v4only
            """ + IntStream.rangeClosed(1, 100).mapToObj(i -> "many A 198.51.100." + i + "\n").collect(Collectors.joining());
    static final String REVERSE_ZONE = """
            $ORIGIN 100.51.198.in-addr.arpa.
            $TTL 300
            @   SOA ns.lab.test. host.lab.test. 1 3600 900 604800 120
            @   NS  ns.lab.test.
            10  PTR v4only.lab.test.
            """;

    private FakeDnsServer upstream;
    private Dns64Server server;

    @BeforeEach
    void start() throws IOException {
        upstream = new FakeDnsServer(LAB_ZONE, REVERSE_ZONE);
        server = Dns64Server.start(config(List.of(upstream.address())));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        upstream.close();
    }

    @Test
    void synthesisesOverUdpAndTcp() throws IOException {
        for (boolean tcp : new boolean[] {false, true}) {
            Message reply = ask("v4only.lab.test.", Type.AAAA, tcp);

            assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
            assertThat(addresses(reply)).containsExactly("fd64:ff9b::c633:640a");
            assertThat(reply.getSection(Section.ANSWER).get(0).getTTL()).isBetween(119L, 120L);
        }
    }

    @Test
    void realAaaaCnameChainsPtrAndIpv4onlyArpa() throws IOException {
        assertThat(addresses(ask("dual.lab.test.", Type.AAAA, false))).containsExactly("2001:db8:6a::20");

        Message cname = ask("cn.lab.test.", Type.AAAA, false);
        assertThat(cname.getSection(Section.ANSWER)).extracting(Record::getType).containsExactly(Type.CNAME, Type.AAAA);

        Message ptr = ask("a.0.4.6.3.3.6.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.d.f.ip6.arpa.", Type.PTR, false);
        assertThat(ptr.getSection(Section.ANSWER)).extracting(Record::rdataToString)
                .containsExactly("10.100.51.198.in-addr.arpa.", "v4only.lab.test.");

        assertThat(addresses(ask("ipv4only.arpa.", Type.AAAA, false)))
                .containsExactlyInAnyOrder("fd64:ff9b::c000:aa", "fd64:ff9b::c000:ab");
        assertThat(ask("nx.lab.test.", Type.AAAA, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void aLargeAnswerIsTruncatedOverUdpAndWholeOverTcpOnBothSides() throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("many.lab.test."), Type.AAAA, DClass.IN));
        Message udpReply = new Message(udpExchange(query.toWire()));

        assertThat(udpReply.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udpReply.getSection(Section.ANSWER)).isEmpty();
        assertThat(addresses(ask("many.lab.test.", Type.AAAA, false))).hasSize(100); // dnsjava retries over TCP
        // the upstream's 100 A records did not fit in 1232 bytes either: we asked again over TCP
        assertThat(upstream.tcpQueries()).isPositive();
    }

    @Test
    void answersComeFromTheCacheUntilTheirTtlRunsOut() throws IOException {
        ask("v4only.lab.test.", Type.AAAA, false);
        ask("v4only.lab.test.", Type.AAAA, true);
        ask("V4ONLY.lab.test.", Type.AAAA, false);

        assertThat(upstream.count("v4only.lab.test. AAAA")).isEqualTo(1);
        assertThat(upstream.count("v4only.lab.test. A")).isEqualTo(1);
        assertThat(server.metrics().cacheLookups("hit")).isEqualTo(4);
        assertThat(server.metrics().cacheLookups("miss")).isEqualTo(2);
    }

    @Test
    void malformedQueriesGetFormerrAndHostilePacketsDoNotStopTheServer() throws IOException {
        byte[] good = Message.newQuery(Record.newRecord(Name.fromString("v4only.lab.test."), Type.AAAA, DClass.IN)).toWire();
        byte[] trailing = Arrays.copyOf(good, good.length + 7);
        assertThat(new Message(udpExchange(trailing)).getRcode()).isEqualTo(Rcode.FORMERR);

        try (DatagramSocket socket = new DatagramSocket()) {
            for (MalformedQueries.Packet p : new MalformedQueries(6147).take(400)) {
                socket.send(new DatagramPacket(p.bytes(), p.bytes().length, dnsAddress()));
            }
        }
        assertThat(addresses(ask("v4only.lab.test.", Type.AAAA, false))).containsExactly("fd64:ff9b::c633:640a");
        assertThat(server.metrics().malformedTotal()).isPositive();
    }

    @Test
    void withoutAnUpstreamClientsGetServfailQuicklyAndIpv4onlyArpaStillWorks() throws IOException {
        server.close();
        DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (silent) {
            server = Dns64Server.start(new Dns64Config(List.of(InetAddress.getLoopbackAddress()), 0,
                    List.of((InetSocketAddress) silent.getLocalSocketAddress()), Duration.ofMillis(200),
                    Pref64.parse("fd64:ff9b::/96"), List.of(Ipv6Range.IPV4_MAPPED), 100, 0, 2, Dns64Config.ANY_CLIENT));

            assertThat(ask("v4only.lab.test.", Type.AAAA, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
            assertThat(addresses(ask("ipv4only.arpa.", Type.AAAA, false))).hasSize(2);
            assertThat(server.metrics().upstreamErrors("timeout")).isPositive();
        }
    }

    @Test
    void healthAndMetricsOverHttp() throws Exception {
        ask("v4only.lab.test.", Type.AAAA, false);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(uri("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"ready\":true", "\"prefix\":\"fd64:ff9b::/96\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("dns64_synthesized_total{kind=\"aaaa\"} 1.0",
                "dns64_queries_total{qtype=\"AAAA\",rcode=\"NOERROR\",transport=\"udp\"} 1.0",
                "dns64_cache_lookups_total{result=\"miss\"} 2.0", "dns64_upstream_duration_seconds_count 2");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    static Dns64Config config(List<InetSocketAddress> upstreams) {
        return new Dns64Config(List.of(InetAddress.getLoopbackAddress()), 0, upstreams, Duration.ofSeconds(2),
                Pref64.parse("fd64:ff9b::/96"), List.of(Ipv6Range.IPV4_MAPPED), 1000, 0, 2, Dns64Config.ANY_CLIENT);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.httpPort() + path);
    }

    private InetSocketAddress dnsAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.dnsPort());
    }

    private Message ask(String name, int type, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(dnsAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    private byte[] udpExchange(byte[] packet) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(packet, packet.length, dnsAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            socket.receive(reply);
            return Arrays.copyOf(reply.getData(), reply.getLength());
        }
    }

    static List<String> addresses(Message reply) {
        return reply.getSection(Section.ANSWER).stream().filter(AAAARecord.class::isInstance)
                .map(r -> Ipv6Text.format(r.rdataToWireCanonical())).toList();
    }
}
