package org.flatracoon.netstack.hesiod.server;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flatracoon.netstack.hesiod.config.ConfigLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** POST /reload of primary zone files, and queries during reloads. */
class ReloadServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long SERIAL = 2026112601L;

    @TempDir
    Path dir;
    private HesiodServer server;
    private Path zoneFile;
    private String original;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws Exception {
        zoneFile = dir.resolve("example.org.zone");
        Files.copy(ZoneLoaderTestAccess.fixture(), zoneFile);
        original = Files.readString(zoneFile);
        Files.writeString(dir.resolve("hesiod.yaml"), String.join("\n", "state-dir: state", "zones:",
                "  - file: example.org.zone", ""));
        server = HesiodServer.start(ConfigLoader.load(dir.resolve("hesiod.yaml")), HesiodServerConfig.defaults()
                .withListenAddresses(List.of(LOOPBACK)).withPorts(0, 0));
    }

    /** The fixture with another serial and one extra service record. */
    private void writeZone(long serial, String extra) throws IOException {
        Files.writeString(zoneFile, original.replace(Long.toString(SERIAL), Long.toString(serial)) + extra + "\n");
    }

    private HttpResponse<String> post() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String txt(String owner) throws IOException {
        Message m = DnsTestClient.udp(new InetSocketAddress(LOOPBACK, server.dnsPort()),
                Message.newQuery(Record.newRecord(Name.fromConstantString(owner), Type.TXT, DClass.HS)));
        return m.getRcode() != Rcode.NOERROR ? Rcode.string(m.getRcode())
                : String.join("", ((TXTRecord) m.getSection(Section.ANSWER).get(0)).getStrings());
    }

    @Test
    void aGreaterSerialReplacesTheZoneOtherwiseItIsKeptAndProblemsAre422() throws Exception {
        start();
        writeZone(SERIAL, "reload.service HS TXT \"reload udp 1\"");
        HttpResponse<String> same = post();
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.body()).contains("\"result\":\"unchanged\"").contains("is not greater than the served serial");
        assertThat(txt("reload.service.ns.example.org.")).isEqualTo("NXDOMAIN");

        writeZone(SERIAL + 1, "reload.service HS TXT \"reload udp 1\"");
        HttpResponse<String> newer = post();
        assertThat(newer.statusCode()).isEqualTo(200);
        assertThat(newer.body()).contains("\"result\":\"reloaded\"").contains("\"serial\":" + (SERIAL + 1));
        assertThat(txt("reload.service.ns.example.org.")).isEqualTo("reload udp 1");
        assertThat(server.health().zones().get(0).serial()).isEqualTo(SERIAL + 1);

        writeZone(SERIAL + 2, "bad.passwd HS TXT \"bad:*:x\"");
        HttpResponse<String> bad = post();
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"ok\":false").contains("\"result\":\"failed\"")
                .contains(zoneFile + ":").contains("passwd");
        assertThat(txt("reload.service.ns.example.org.")).isEqualTo("reload udp 1"); // untouched
        assertThat(server.metrics().reloads("reloaded")).isEqualTo(1);
        assertThat(server.metrics().reloads("unchanged")).isEqualTo(1);
        assertThat(server.metrics().reloads("failed")).isEqualTo(1);

        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/reload")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);

        // the journal restarted from the reloaded file: a restart serves it without complaint
        server.close();
        writeZone(SERIAL + 1, "reload.service HS TXT \"reload udp 1\"");
        server = HesiodServer.start(ConfigLoader.load(dir.resolve("hesiod.yaml")), HesiodServerConfig.defaults()
                .withListenAddresses(List.of(LOOPBACK)).withPorts(0, 0));
        assertThat(txt("reload.service.ns.example.org.")).isEqualTo("reload udp 1");
    }

    @Test
    void queriesDuringTwentyReloadsAllGetRightAnswers() throws Exception {
        start();
        String jdoe = txt("jdoe.passwd.ns.example.org.");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong queries = new AtomicLong();
        AtomicLong maxNanos = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try (DatagramSocket socket = new DatagramSocket()) {
                    socket.setSoTimeout(2_000);
                    InetSocketAddress target = new InetSocketAddress(LOOPBACK, server.dnsPort());
                    int i = 0;
                    while (!done.get() && System.nanoTime() < deadline && i < 200_000) {
                        boolean even = (i++ & 1) == 0;
                        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString(even
                                ? "jdoe.passwd.ns.example.org." : "reload.service.ns.example.org."), Type.TXT,
                                DClass.HS));
                        byte[] wire = q.toWire();
                        long t0 = System.nanoTime();
                        socket.send(new DatagramPacket(wire, wire.length, target));
                        Message a;
                        try {
                            a = DnsTestClient.receive(socket, q.getHeader().getID());
                        } catch (java.net.SocketTimeoutException e) {
                            failures.add("timeout");
                            continue;
                        }
                        long took = System.nanoTime() - t0;
                        maxNanos.accumulateAndGet(took, Math::max);
                        queries.incrementAndGet();
                        if (even) {
                            if (a.getRcode() != Rcode.NOERROR || !String.join("", ((TXTRecord) a.getSection(
                                    Section.ANSWER).get(0)).getStrings()).equals(jdoe)) {
                                failures.add("jdoe: " + Rcode.string(a.getRcode()));
                            }
                        } else if (a.getRcode() == Rcode.NOERROR) {
                            String s = String.join("", ((TXTRecord) a.getSection(Section.ANSWER).get(0))
                                    .getStrings());
                            if (!s.matches("reload udp \\d+")) {
                                failures.add("reload: " + s);
                            }
                        } else if (a.getRcode() != Rcode.NXDOMAIN) { // before the first reload
                            failures.add("reload: " + Rcode.string(a.getRcode()));
                        }
                    }
                } catch (IOException e) {
                    failures.add(e.toString());
                }
            });
            thread.start();
            threads.add(thread);
        }
        long reloadStart = System.nanoTime();
        for (int n = 1; n <= 20; n++) {
            writeZone(SERIAL + n, "reload.service HS TXT \"reload udp " + n + "\"");
            ReloadReport report = server.reload();
            assertThat(report.zones().get(0).result()).isEqualTo("reloaded");
        }
        long reloadNanos = System.nanoTime() - reloadStart;
        done.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        System.out.printf("reload test: 20 reloads in %.1f ms, %d queries answered meanwhile (2 UDP threads),"
                + " longest query %.2f ms, failures %d%n", reloadNanos / 1e6, queries.get(), maxNanos.get() / 1e6,
                failures.size());
        assertThat(failures).isEmpty();
        assertThat(queries.get()).isPositive();
        assertThat(txt("reload.service.ns.example.org.")).isEqualTo("reload udp 20");
        assertThat(server.metrics().reloads("reloaded")).isEqualTo(20);
    }
}
