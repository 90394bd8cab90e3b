package org.flatracoon.netstack.hesiod.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flatracoon.netstack.hesiod.config.ConfigLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/** Transfers, TSIG, updates, NOTIFY and the journal, against a real server on 127.0.0.1. */
class TransferAndUpdateServerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Name APEX = name("ns.example.org.");
    private static final String TRANSFER_SECRET = "dHJhbnNmZXIta2V5LXNlY3JldC1mb3ItdGVzdHMtMDE=";
    private static final String UPDATE_SECRET = "dXBkYXRlLWtleS1zZWNyZXQtZm9yLXRlc3RzLTAwMDE=";
    private static final TSIG TRANSFER_KEY = new TSIG(TSIG.HMAC_SHA256, "transfer-key.", TRANSFER_SECRET);
    private static final TSIG UPDATE_KEY = new TSIG(TSIG.HMAC_SHA256, "update-key.", UPDATE_SECRET);
    private static final long SERIAL = 2026112601L;

    @TempDir
    Path dir;
    private HesiodServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Name name(String s) {
        return Name.fromConstantString(s);
    }

    /** Writes the fixture zone and a config with the given zone settings (YAML lines under the zone). */
    private Path config(String zoneSettings) throws IOException {
        Path zone = dir.resolve("example.org.zone");
        if (!Files.exists(zone)) {
            Files.copy(ZoneLoaderTestAccess.fixture(), zone, StandardCopyOption.REPLACE_EXISTING);
        }
        Path config = dir.resolve("hesiod.yaml");
        Files.writeString(config, String.join("\n",
                "state-dir: state",
                "keys:",
                "  - {name: transfer-key, algorithm: hmac-sha256, secret: \"" + TRANSFER_SECRET + "\"}",
                "  - {name: update-key, algorithm: hmac-sha256, secret: \"" + UPDATE_SECRET + "\"}",
                "zones:",
                "  - file: example.org.zone",
                zoneSettings.indent(4)));
        return config;
    }

    private HesiodServer start(Path config) throws IOException, ZoneLoadException {
        server = HesiodServer.start(ConfigLoader.load(config), HesiodServerConfig.defaults()
                .withListenAddresses(List.of(LOOPBACK)).withPorts(0, 0));
        return server;
    }

    private ZoneTransferIn axfr(TSIG key) {
        ZoneTransferIn xfr = ZoneTransferIn.newAXFR(APEX, LOOPBACK.getHostAddress(), server.dnsPort(), key);
        xfr.setDClass(DClass.HS);
        xfr.setTimeout(Duration.ofSeconds(5));
        return xfr;
    }

    private Message send(Message m) throws IOException {
        return DnsTestClient.tcp(new InetSocketAddress(LOOPBACK, server.dnsPort()), m).get(0);
    }

    private Message signedUpdate(Update update) throws IOException {
        update.setTSIG(UPDATE_KEY, Rcode.NOERROR, null);
        byte[] wire = update.toWire(65_535);
        Message response = send(new Message(wire) {
            @Override
            public byte[] toWire() {
                return wire;
            }
        });
        return response;
    }

    private Message query(String owner, int type) throws IOException {
        return send(Message.newQuery(Record.newRecord(name(owner), type, DClass.HS)));
    }

    private static Update changeShell(String shell) throws IOException {
        Update u = hsUpdate();
        u.delete(name("jdoe.passwd.ns.example.org."), Type.TXT);
        u.add(name("jdoe.passwd.ns.example.org."), Type.TXT, 300,
                "\"jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:" + shell + "\"");
        return u;
    }

    /** dnsjava 3.6.3's Update puts class IN in the zone section whatever class it is given; nsupdate does not. */
    private static Update hsUpdate() {
        Update u = new Update(APEX, DClass.HS);
        u.removeAllRecords(Section.ZONE);
        u.addRecord(Record.newRecord(APEX, Type.SOA, DClass.HS), Section.ZONE);
        return u;
    }

    private static String txt(Message m) {
        return ((TXTRecord) m.getSection(Section.ANSWER).get(0)).getStrings().get(0);
    }

    @Test
    void axfrInClassHsWithAndWithoutTsig() throws Exception {
        start(config("allow-transfer: [127.0.0.0/8, \"::1\"]"));

        ZoneTransferIn plain = axfr(null);
        plain.run();
        List<Record> records = plain.getAXFR();
        assertThat(records.get(0)).isInstanceOf(SOARecord.class);
        assertThat(records).allSatisfy(r -> assertThat(r.getDClass()).isEqualTo(DClass.HS));
        assertThat(records).hasSize(78 + 1);

        ZoneTransferIn signed = axfr(TRANSFER_KEY); // dnsjava verifies every message's TSIG
        signed.run();
        assertThat(signed.getAXFR()).hasSize(79);
        assertThat(server.metrics().transfers("AXFR", "NOERROR")).isEqualTo(2);
    }

    @Test
    void axfrRefusedFromOutsideAllowTransferAndWithoutTheKey() throws Exception {
        start(config("allow-transfer: [198.51.100.0/24]"));
        assertThatThrownBy(() -> axfr(null).run()).isInstanceOf(ZoneTransferException.class).hasMessageContaining("REFUSED");
        server.close();

        Files.delete(dir.resolve("hesiod.yaml"));
        start(config("allow-transfer: [127.0.0.1]\ntransfer-key: transfer-key"));
        assertThatThrownBy(() -> axfr(null).run()).hasMessageContaining("REFUSED");
        assertThatThrownBy(() -> axfr(UPDATE_KEY).run()).hasMessageContaining("REFUSED");
        TSIG wrongSecret = new TSIG(TSIG.HMAC_SHA256, "transfer-key.", UPDATE_SECRET);
        assertThatThrownBy(() -> axfr(wrongSecret).run()).isInstanceOf(Exception.class);
        TSIG unknown = new TSIG(TSIG.HMAC_SHA256, "nobody-key.", UPDATE_SECRET);
        assertThatThrownBy(() -> axfr(unknown).run()).isInstanceOf(Exception.class);
        assertThat(server.metrics().tsigFailures("BADSIG")).isEqualTo(1);
        assertThat(server.metrics().tsigFailures("BADKEY")).isEqualTo(1);
        axfr(TRANSFER_KEY).run();
    }

    @Test
    void tsigErrorsAreNotauthWithTheTsigErrorAndUnsignedForBadKey() throws Exception {
        start(config("allow-transfer: [127.0.0.1]"));
        TSIG unknown = new TSIG(TSIG.HMAC_SHA256, "nobody-key.", UPDATE_SECRET);
        Message q = Message.newQuery(Record.newRecord(APEX, Type.SOA, DClass.HS));
        q.setTSIG(unknown, Rcode.NOERROR, null);
        byte[] wire = q.toWire(65_535);
        Message answer = DnsTestClient.udpRaw(new InetSocketAddress(LOOPBACK, server.dnsPort()), wire,
                q.getHeader().getID());
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(answer.getTSIG().getError()).isEqualTo(Rcode.BADKEY);
        assertThat(answer.getTSIG().getSignature()).isEmpty();

        Message signed = Message.newQuery(Record.newRecord(APEX, Type.SOA, DClass.HS));
        signed.setTSIG(TRANSFER_KEY, Rcode.NOERROR, null);
        byte[] signedWire = signed.toWire(65_535);
        byte[] okWire = DnsTestClient.udpBytes(new InetSocketAddress(LOOPBACK, server.dnsPort()), signedWire);
        Message ok = new Message(okWire);
        assertThat(ok.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(ok.getSection(Section.ANSWER)).hasSize(1);
        assertThat(TRANSFER_KEY.verify(ok, okWire, new Message(signedWire).getTSIG())).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void signedUpdateIsVisibleWithTheSerialBumpedAndUnsignedOrKeylessUpdatesAreRefused() throws Exception {
        start(config("allow-transfer: [127.0.0.1]\nupdate-key: update-key"));

        Message unsigned = send(changeShell("/bin/sh"));
        assertThat(unsigned.getRcode()).isEqualTo(Rcode.REFUSED);

        Message response = signedUpdate(changeShell("/bin/zsh"));
        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getOpcode()).isEqualTo(Opcode.UPDATE);
        assertThat(response.getTSIG()).isNotNull();

        assertThat(txt(query("jdoe.passwd.ns.example.org.", Type.TXT))).endsWith(":/bin/zsh");
        SOARecord soa = (SOARecord) query("ns.example.org.", Type.SOA).getSection(Section.ANSWER).get(0);
        assertThat(soa.getSerial()).isEqualTo(SERIAL + 1);
        assertThat(server.health().zones().get(0).serial()).isEqualTo(SERIAL + 1);

        Update bad = hsUpdate();
        bad.add(name("new.passwd.ns.example.org."), Type.TXT, 300, "\"new:*:notanumber:1:x:/home/new:/bin/sh\"");
        assertThat(signedUpdate(bad).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(query("new.passwd.ns.example.org.", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);

        Update prereqFails = changeShell("/bin/ksh");
        prereqFails.absent(name("jdoe.passwd.ns.example.org."));
        assertThat(signedUpdate(prereqFails).getRcode()).isEqualTo(Rcode.YXDOMAIN);
        assertThat(server.metrics().updates("NOERROR")).isEqualTo(1);
        assertThat(server.metrics().updates("REFUSED")).isEqualTo(2);
    }

    @Test
    void updatesAreRefusedWithoutAConfiguredUpdateKey() throws Exception {
        start(config("allow-transfer: [127.0.0.1]"));
        assertThat(signedUpdate(changeShell("/bin/zsh")).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void ixfrAfterTwoUpdatesReturnsExactlyThoseChanges() throws Exception {
        start(config("allow-transfer: [127.0.0.1]\nupdate-key: update-key"));
        assertThat(signedUpdate(changeShell("/bin/zsh")).getRcode()).isEqualTo(Rcode.NOERROR);
        Update addUser = hsUpdate();
        addUser.add(name("bob.passwd.ns.example.org."), Type.TXT, 300, "\"bob:*:1003:1001:Bob:/home/bob:/bin/sh\"");
        assertThat(signedUpdate(addUser).getRcode()).isEqualTo(Rcode.NOERROR);

        ZoneTransferIn ixfr = ZoneTransferIn.newIXFR(APEX, SERIAL, false, LOOPBACK.getHostAddress(),
                server.dnsPort(), null);
        ixfr.setDClass(DClass.HS);
        ixfr.setTimeout(Duration.ofSeconds(5));
        ixfr.run();
        assertThat(ixfr.isIXFR()).isTrue();
        List<ZoneTransferIn.Delta> deltas = ixfr.getIXFR();
        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).start).isEqualTo(SERIAL);
        // dnsjava lists each step's old SOA first among the deletes and its new SOA first among the adds
        assertThat(deltas.get(0).deletes).hasSize(2).element(1).satisfies(r -> assertThat(r.rdataToString())
                .contains("/bin/bash"));
        assertThat(deltas.get(0).adds).hasSize(2).element(1).satisfies(r -> assertThat(r.rdataToString())
                .contains("/bin/zsh"));
        assertThat(deltas.get(1).deletes).singleElement().isInstanceOf(SOARecord.class);
        assertThat(deltas.get(1).adds).extracting(Record::getName)
                .containsExactly(APEX, name("bob.passwd.ns.example.org."));
        assertThat(deltas.get(1).end).isEqualTo(SERIAL + 2);

        // a serial the journal does not reach back to: the whole zone
        ZoneTransferIn old = ZoneTransferIn.newIXFR(APEX, SERIAL - 5, true, LOOPBACK.getHostAddress(),
                server.dnsPort(), null);
        old.setDClass(DClass.HS);
        old.run();
        assertThat(old.isAXFR()).isTrue();
        assertThat(old.getAXFR()).hasSize(80);
    }

    @Test
    void notifiesTheConfiguredSecondaryAtStartAndOnEachChangeInBothClasses() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(0, LOOPBACK)) {
            secondary.setSoTimeout(10_000);
            start(config("notify: [\"127.0.0.1:" + secondary.getLocalPort() + "\"]\nupdate-key: update-key"));
            // at start, so a secondary that came up first need not wait for its retry timer
            assertThat(acknowledgeNotifies(secondary)).containsExactlyInAnyOrder(DClass.HS + "/" + SERIAL,
                    DClass.IN + "/" + SERIAL);

            assertThat(signedUpdate(changeShell("/bin/zsh")).getRcode()).isEqualTo(Rcode.NOERROR);
            // once per class the zone is served in: a BIND secondary keeps a copy per class (HS and IN views)
            assertThat(acknowledgeNotifies(secondary)).containsExactlyInAnyOrder(DClass.HS + "/" + (SERIAL + 1),
                    DClass.IN + "/" + (SERIAL + 1));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.metrics().notifiesSent("acknowledged") < 4 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(server.metrics().notifiesSent("acknowledged")).isEqualTo(4);
        }
    }

    /** Receives two NOTIFY messages, checks their shape, acknowledges them; returns "class/serial" of each. */
    private static List<String> acknowledgeNotifies(DatagramSocket secondary) throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] buffer = new byte[4096];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            secondary.receive(packet);
            Message notify = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
            assertThat(notify.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
            assertThat(notify.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(notify.getQuestion().getName()).isEqualTo(APEX);
            assertThat(notify.getQuestion().getType()).isEqualTo(Type.SOA);
            SOARecord soa = (SOARecord) notify.getSection(Section.ANSWER).get(0);
            assertThat(soa.getDClass()).isEqualTo(notify.getQuestion().getDClass());
            seen.add(notify.getQuestion().getDClass() + "/" + soa.getSerial());

            byte[] ack = MessageDispatcher.response(notify, Rcode.NOERROR, true).toWire();
            secondary.send(new DatagramPacket(ack, ack.length, packet.getSocketAddress()));
        }
        return seen;
    }

    @Test
    void acknowledgedUpdatesSurviveAnAbruptStop() throws Exception {
        Path config = config("update-key: update-key");
        start(config);
        int n = 20;
        for (int i = 0; i < n; i++) {
            Update add = hsUpdate();
            add.add(name("u" + i + ".passwd.ns.example.org."), Type.TXT, 300,
                    "\"u" + i + ":*:" + (2000 + i) + ":1001:User " + i + ":/home/u" + i + ":/bin/sh\"");
            assertThat(signedUpdate(add).getRcode()).isEqualTo(Rcode.NOERROR);
        }
        // kill -9: what is on disk right now is all a new process gets; copy it while the server still runs
        Path crashed = Files.createDirectories(dir.resolve("after-crash"));
        Files.copy(dir.resolve("example.org.zone"), crashed.resolve("example.org.zone"));
        Files.copy(dir.resolve("state/ns.example.org.jnl"), Files.createDirectories(crashed.resolve("state"))
                .resolve("ns.example.org.jnl"));
        Files.copy(config, crashed.resolve("hesiod.yaml"));
        server.close();
        server = null;

        start(crashed.resolve("hesiod.yaml"));
        for (int i = 0; i < n; i++) {
            assertThat(txt(query("u" + i + ".passwd.ns.example.org.", Type.TXT))).startsWith("u" + i + ":");
        }
        assertThat(server.health().zones().get(0).serial()).isEqualTo(SERIAL + n);
    }

    @Test
    void aJournalFromAnotherZoneFileSerialIsRefusedWithAClearError() throws Exception {
        Path config = config("update-key: update-key");
        start(config);
        assertThat(signedUpdate(changeShell("/bin/zsh")).getRcode()).isEqualTo(Rcode.NOERROR);
        server.close();
        server = null;
        Path zone = dir.resolve("example.org.zone");
        Files.writeString(zone, Files.readString(zone).replace("2026112601", "2026112699"));

        assertThatThrownBy(() -> start(config)).isInstanceOf(ZoneLoadException.class)
                .hasMessageContaining("journal starts at serial 2026112601")
                .hasMessageContaining("has serial 2026112699");
    }
}
