package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.flatracoon.netstack.hesiod.server.HesiodServer;
import org.flatracoon.netstack.hesiod.server.HesiodServerConfig;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetstackTest {

    /** Exit code and output of one run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netstack.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(NetstackTest.class.getResource("/cli.zone").toURI());
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void checkAcceptsAValidZoneWithAOneLineSummary() throws Exception {
        Run run = run("hesiod", "check", fixture().toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(fixture() + ": OK, ns.example.org. (serial 2026112601, 5 records)"
                + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkListsEveryProblemWithItsLine(@TempDir Path dir) throws IOException {
        Path zone = Files.writeString(dir.resolve("zone.db"), String.join("\n",
                "$ORIGIN ns.example.org.",
                "$TTL 300",
                "@ HS SOA ns1.example.org. hostmaster.example.org. 1 3600 900 604800 60",
                "@ HS NS ns1.example.org.",
                "jdoe.passwd HS TXT \"jdoe:*:1001:1001:Jane:/home/jdoe\"",
                "zephyr.service HS TXT \"zephyr udp 70000\"",
                ""));

        Run run = run("hesiod", "check", zone.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(
                zone + ":5: passwd record for jdoe.passwd.ns.example.org.: expected 7 fields, got 6",
                zone + ":6: service record for zephyr.service.ns.example.org.: port '70000' is out of range (0..65535)",
                zone + ": 2 problems");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void checkOfAMissingFileIsOneLine(@TempDir Path dir) {
        Run run = run("hesiod", "check", dir.resolve("nope.zone").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(dir.resolve("nope.zone") + ": no such file");
    }

    @Test
    void serveWithABadZoneExitsTwoAndPrintsTheProblems(@TempDir Path dir) throws IOException {
        Path zone = Files.writeString(dir.resolve("bad.zone"),
                "$ORIGIN ns.example.org.\n@ 300 HS NS ns1.example.org.\nx.uid 300 HS TXT \"nope\"\n");

        Run run = run("hesiod", "serve", "--zone", zone.toString(), "--dns-port", "0", "--http-port", "0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                zone + ": no SOA record (its owner name is the zone apex)");
        assertNoStackTrace(run);
    }

    @Test
    void serveOnATakenPortFailsWithOneLine() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Run run = run("hesiod", "serve", "--zone", fixture().toString(), "--listen", "127.0.0.1",
                    "--dns-port", String.valueOf(taken.getLocalPort()), "--http-port", "0");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().satisfies(line ->
                    assertThat(line).startsWith("netstack hesiod serve: cannot listen on DNS port " + taken.getLocalPort()));
        }
    }

    @Test
    void usageErrorsAreOneLineWithoutStackTrace() {
        Run missingZone = run("hesiod", "serve");
        assertThat(missingZone.code()).isEqualTo(2);
        assertThat(missingZone.errLines()).containsExactly(
                "netstack hesiod serve: Missing required option: '--zone=FILE' (see 'netstack hesiod serve --help')");

        Run badPort = run("hesiod", "serve", "--zone", "z", "--dns-port", "abc");
        assertThat(badPort.code()).isEqualTo(2);
        assertThat(badPort.errLines()).singleElement().satisfies(l -> assertThat(l).contains("'abc' is not an int"));

        Run outOfRange = run("hesiod", "serve", "--zone", "z", "--dns-port", "70000");
        assertThat(outOfRange.code()).isEqualTo(2);
        assertThat(outOfRange.errLines()).singleElement().satisfies(l -> assertThat(l).contains("70000"));

        Run unknown = run("frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);

        Run nothing = run();
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.errLines()).singleElement().asString()
                .startsWith("netstack: missing command: one of hesiod, hesinfo, dns, ")
                .contains("dns64").contains("site").contains("bgp").contains("overlay").endsWith(" (see 'netstack --help')");

        for (Run r : List.of(missingZone, badPort, outOfRange, unknown, nothing)) {
            assertNoStackTrace(r);
        }
    }

    @Test
    void sendMalformedFiresTheCorpusAtAServer() throws Exception {
        HesiodServerConfig config = HesiodServerConfig.defaults()
                .withListenAddresses(List.of(InetAddress.getLoopbackAddress())).withPorts(0, 0);
        try (HesiodServer server = HesiodServer.start(new HesiodZones(List.of(ZoneLoader.load(fixture()))), config)) {
            String host = InetAddress.getLoopbackAddress().getHostAddress();

            Run run = run("dns", "send-malformed", "--server", host, "--port", String.valueOf(server.dnsPort()),
                    "--count", "120", "--seed", "7");

            assertThat(run.code()).isZero();
            assertThat(run.out().strip()).isEqualTo("sent 120 malformed packets to " + host + ":" + server.dnsPort() + " (seed 7)");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.metrics().malformedTotal() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000L); // re-check every 10 ms
            }
            assertThat(server.metrics().malformedTotal()).isPositive();
        }
    }

    @Test
    void sendMalformedRejectsAnUnboundedCount() {
        Run run = run("dns", "send-malformed", "--server", "127.0.0.1", "--count", "0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("netstack dns send-malformed: --count must be between 1 and 100000, not 0"
                + " (see 'netstack dns send-malformed --help')");
    }

    @Test
    void sendMalformedPrintsTheSeedItChose() throws Exception {
        try (DatagramSocket sink = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Run run = run("dns", "send-malformed", "--server", "127.0.0.1", "--port",
                    String.valueOf(sink.getLocalPort()), "--count", "3");
            assertThat(run.code()).isZero();
            assertThat(run.out().strip()).matches("sent 3 malformed packets to 127\\.0\\.0\\.1:\\d+ \\(seed \\d+\\)");
        }
    }
}
