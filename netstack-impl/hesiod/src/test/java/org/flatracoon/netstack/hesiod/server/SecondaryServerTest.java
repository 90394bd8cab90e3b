package org.flatracoon.netstack.hesiod.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.flatracoon.netstack.hesiod.config.ConfigLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** Two of our servers on 127.0.0.1: a primary with a journal and a secondary that transfers from it. */
class SecondaryServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Name APEX = Name.fromConstantString("ns.example.org.");
    private static final String SECRET = "dHJhbnNmZXIta2V5LXNlY3JldC1mb3ItdGVzdHMtMDE=";
    private static final String UPDATE_SECRET = "dXBkYXRlLWtleS1zZWNyZXQtZm9yLXRlc3RzLTAwMDE=";
    private static final TSIG UPDATE_KEY = new TSIG(TSIG.HMAC_SHA256, "update-key.", UPDATE_SECRET);
    private static final long SERIAL = 2026112601L;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private HesiodServer primary;
    private HesiodServer secondary;

    @AfterEach
    void stop() throws IOException {
        for (HesiodServer s : new HesiodServer[] {secondary, primary}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static final String KEYS = String.join("\n",
            "keys:",
            "  - {name: transfer-key, algorithm: hmac-sha256, secret: \"" + SECRET + "\"}",
            "  - {name: update-key, algorithm: hmac-sha256, secret: \"" + UPDATE_SECRET + "\"}");

    private HesiodServer startPrimary(int secondaryPort) throws Exception {
        Path d = Files.createDirectories(dir.resolve("primary"));
        Files.copy(ZoneLoaderTestAccess.fixture(), d.resolve("example.org.zone"));
        Files.writeString(d.resolve("hesiod.yaml"), String.join("\n", "state-dir: state", KEYS, "zones:",
                "  - file: example.org.zone",
                "    allow-transfer: [127.0.0.1]",
                "    transfer-key: transfer-key",
                "    update-key: update-key",
                "    notify: [\"127.0.0.1:" + secondaryPort + "\"]", ""));
        primary = HesiodServer.start(ConfigLoader.load(d.resolve("hesiod.yaml")), HesiodServerConfig.defaults()
                .withListenAddresses(List.of(LOOPBACK)).withPorts(0, 0));
        return primary;
    }

    private HesiodServer startSecondary(int port, int primaryPort, String extra) throws Exception {
        Path d = Files.createDirectories(dir.resolve("secondary"));
        Files.writeString(d.resolve("hesiod.yaml"), String.join("\n", "state-dir: state", KEYS, "zones:",
                "  - name: ns.example.org.",
                "    primary: \"127.0.0.1:" + primaryPort + "\"",
                extra.indent(4)));
        secondary = HesiodServer.start(ConfigLoader.load(d.resolve("hesiod.yaml")), HesiodServerConfig.defaults()
                .withListenAddresses(List.of(LOOPBACK)).withPorts(port, 0));
        return secondary;
    }

    /** A port free for both UDP and TCP on 127.0.0.1 right now. */
    static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0, LOOPBACK); ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(LOOPBACK, udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20); // polling interval, not a stand-in for the wait
        }
    }

    private static Message query(HesiodServer server, String owner, int type, int dclass) throws IOException {
        return DnsTestClient.udp(new InetSocketAddress(LOOPBACK, server.dnsPort()),
                Message.newQuery(Record.newRecord(Name.fromConstantString(owner), type, dclass)));
    }

    private static String txt(HesiodServer server, String owner, int dclass) throws IOException {
        Message m = query(server, owner, Type.TXT, dclass);
        if (m.getRcode() != Rcode.NOERROR || m.getSection(Section.ANSWER).isEmpty()) {
            return Rcode.string(m.getRcode());
        }
        return String.join("", ((TXTRecord) m.getSection(Section.ANSWER).get(0)).getStrings());
    }

    private Message update(Update u) throws IOException {
        u.removeAllRecords(Section.ZONE);
        u.addRecord(Record.newRecord(APEX, Type.SOA, DClass.HS), Section.ZONE);
        u.setTSIG(UPDATE_KEY, Rcode.NOERROR, null);
        byte[] wire = u.toWire(65_535);
        return DnsTestClient.tcp(new InetSocketAddress(LOOPBACK, primary.dnsPort()), new Message(wire) {
            @Override
            public byte[] toWire() {
                return wire;
            }
        }).get(0);
    }

    @Test
    void axfrAtStartThenNotifyDrivenIxfrWithTsigAndTheSavedCopyServesAfterARestart() throws Exception {
        int secondaryPort = freePort();
        startPrimary(secondaryPort);
        startSecondary(secondaryPort, primary.dnsPort(), "primary-key: transfer-key");

        await("initial AXFR", () -> secondary.health().zones().get(0).loaded());
        String jdoe = txt(primary, "jdoe.passwd.ns.example.org.", DClass.HS);
        assertThat(txt(secondary, "jdoe.passwd.ns.example.org.", DClass.HS)).isEqualTo(jdoe);
        assertThat(txt(secondary, "jdoe.passwd.ns.example.org.", DClass.IN)).isEqualTo(jdoe); // served in both
        assertThat(secondary.metrics().transfersIn("AXFR", "applied")).isEqualTo(1);
        assertThat(secondary.health().zones().get(0)).satisfies(z -> {
            assertThat(z.role()).isEqualTo("secondary");
            assertThat(z.serial()).isEqualTo(SERIAL);
        });

        // the SOA refresh is an hour away: only the primary's NOTIFY can bring this change this fast
        Update shell = new Update(APEX, DClass.HS);
        shell.delete(Name.fromConstantString("jdoe.passwd.ns.example.org."), Type.TXT);
        shell.add(Name.fromConstantString("jdoe.passwd.ns.example.org."), Type.TXT, 300,
                "\"jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/zsh\"");
        assertThat(update(shell).getRcode()).isEqualTo(Rcode.NOERROR);
        await("first change on the secondary",
                () -> txt(secondary, "jdoe.passwd.ns.example.org.", DClass.HS).endsWith("/bin/zsh"));
        assertThat(secondary.metrics().transfersIn("IXFR", "applied")).isEqualTo(1);

        Update bob = new Update(APEX, DClass.HS);
        bob.add(Name.fromConstantString("bob.passwd.ns.example.org."), Type.TXT, 300,
                "\"bob:*:1003:1001:Bob:/home/bob:/bin/sh\"");
        assertThat(update(bob).getRcode()).isEqualTo(Rcode.NOERROR);
        await("second change on the secondary",
                () -> txt(secondary, "bob.passwd.ns.example.org.", DClass.IN).startsWith("bob:"));
        assertThat(secondary.metrics().transfersIn("IXFR", "applied")).isEqualTo(2);
        assertThat(secondary.metrics().transfersIn("AXFR", "applied")).isEqualTo(1);
        assertThat(secondary.health().zones().get(0).serial()).isEqualTo(SERIAL + 2);
        assertThat(primary.metrics().transfers("IXFR", "NOERROR")).isGreaterThanOrEqualTo(2);
        assertThat(dir.resolve("secondary/state/ns.example.org.secondary.zone")).exists();

        // restart the secondary with the primary gone: the saved copy is served at once
        primary.close();
        primary = null;
        secondary.close();
        secondary = null;
        startSecondary(freePort(), freePort(), "primary-key: transfer-key");
        assertThat(secondary.health().zones().get(0).loaded()).isTrue();
        assertThat(secondary.health().zones().get(0).serial()).isEqualTo(SERIAL + 2);
        assertThat(txt(secondary, "bob.passwd.ns.example.org.", DClass.HS)).startsWith("bob:");
        assertThat(txt(secondary, "jdoe.passwd.ns.example.org.", DClass.HS)).endsWith("/bin/zsh");
    }

    @Test
    void withoutDataTheZoneIsServfailHealthSaysNotLoadedAndNotifyIsOnlyTakenFromThePrimary() throws Exception {
        int deadPrimary = freePort(); // nothing listens there
        startSecondary(0, deadPrimary, "refresh-max: 2");
        await("a failed AXFR", () -> secondary.metrics().transfersIn("AXFR", "failed") >= 1);

        Message answer = query(secondary, "jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(query(secondary, "other.example.com.", Type.TXT, DClass.HS).getRcode()).isEqualTo(Rcode.REFUSED);
        HealthReport health = secondary.health();
        assertThat(health.ready()).isTrue();
        assertThat(health.zones().get(0).loaded()).isFalse();
        HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + secondary.httpPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).contains("\"role\":\"secondary\",\"loaded\":false");

        Message notify = NotifySender.notifyMessage(new SOARecord(APEX, DClass.HS, 300,
                Name.fromConstantString("ns1.example.org."), Name.fromConstantString("h.example.org."), SERIAL,
                3600, 900, 604800, 60));
        assertThat(notifyFrom("127.0.0.2", notify).getRcode()).isEqualTo(Rcode.REFUSED);
        Message ack = notifyFrom("127.0.0.1", notify);
        assertThat(ack.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(ack.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(ack.getHeader().getFlag(Flags.QR)).isTrue();
    }

    private Message notifyFrom(String source, Message notify) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(source), 0))) {
            socket.setSoTimeout(5_000);
            byte[] wire = notify.toWire();
            socket.send(new DatagramPacket(wire, wire.length, LOOPBACK, secondary.dnsPort()));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
        }
    }
}
