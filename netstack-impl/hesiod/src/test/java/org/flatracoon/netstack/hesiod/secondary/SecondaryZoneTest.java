package org.flatracoon.netstack.hesiod.secondary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.config.SecondarySettings;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;

/** The refresh logic against a scripted primary: a bad Hesiod record rejects the whole transfer. */
class SecondaryZoneTest {
    private static final Name APEX = Name.fromConstantString("ns.example.org.");
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static final String HEAD = String.join("\n",
            "$ORIGIN ns.example.org.",
            "@ 300 HS SOA ns1.example.org. h.example.org. %d 3600 900 604800 60",
            "@ 300 HS NS ns1.example.org.",
            "jdoe.passwd 300 HS TXT \"jdoe:*:1001:1001:Jane:/home/jdoe:/bin/bash\"", "");

    private static HesiodZone zone(long serial) throws Exception {
        return ZoneLoader.parse("z", String.format(HEAD, serial));
    }

    /** A primary that hands out whatever the test queued. */
    static final class ScriptedPrimary implements TransferClient {
        volatile long serial;
        volatile Transfer next;

        @Override
        public long soaSerial() {
            return serial;
        }

        @Override
        public Transfer transfer(OptionalLong from) {
            return next;
        }
    }

    static final class Target implements SecondaryTarget {
        final AtomicReference<HesiodZone> zone = new AtomicReference<>();
        volatile ZoneHistory history = ZoneHistory.empty();

        @Override
        public Optional<HesiodZone> current() {
            return Optional.ofNullable(zone.get());
        }

        @Override
        public ZoneHistory history() {
            return history;
        }

        @Override
        public void install(HesiodZone z, ZoneHistory h) {
            history = h;
            zone.set(z);
        }

        @Override
        public void expire() {
            zone.set(null);
        }
    }

    @Test
    void aTransferWithABadHesiodRecordIsRejectedAsAWholeAndTheOldDataStays() throws Exception {
        ScriptedPrimary primary = new ScriptedPrimary();
        Target target = new Target();
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        SecondaryZone.Listener listener = new SecondaryZone.Listener() {
            @Override
            public void transferIn(String type, String result) {
                events.add(type + " " + result);
            }

            @Override
            public void changed() {
                events.add("changed");
            }
        };
        SecondarySettings settings = new SecondarySettings(APEX, new InetSocketAddress("127.0.0.1", 53),
                Optional.empty(), DClass.HS, Optional.empty());
        Path saved = dir.resolve("copy.zone");
        SecondaryZone secondary = new SecondaryZone(settings, target, primary, scheduler, listener, saved);

        HesiodZone first = zone(10);
        primary.serial = 10;
        primary.next = new Transfer.Full(first.records());
        secondary.start();
        SecondaryServerTestAccess.await(() -> events.contains("changed"));
        assertThat(target.zone.get().serial()).isEqualTo(10);
        assertThat(SavedZone.load(saved, APEX).orElseThrow().serial()).isEqualTo(10);

        List<Record> bad = new ArrayList<>(zone(11).records());
        bad.add(new TXTRecord(Name.fromConstantString("x.passwd.ns.example.org."), DClass.HS, 300, "x:*:nope"));
        primary.serial = 11;
        primary.next = new Transfer.Full(bad);
        secondary.notified();
        SecondaryServerTestAccess.await(() -> events.contains("AXFR rejected"));
        assertThat(target.zone.get().serial()).isEqualTo(10);
        assertThat(secondary.lastError()).contains("passwd");

        // an IXFR step adding a bad record: rejected too; a good one is applied
        SOARecord s10 = first.soa(DClass.HS);
        SOARecord s11 = (SOARecord) zone(11).soa(DClass.HS);
        primary.next = new Transfer.Incremental(List.of(new ZoneDelta(s10, s11, List.of(),
                List.of(new TXTRecord(Name.fromConstantString("y.passwd.ns.example.org."), DClass.HS, 300, "y")))));
        secondary.notified();
        SecondaryServerTestAccess.await(() -> events.contains("IXFR rejected"));
        assertThat(target.zone.get().serial()).isEqualTo(10);

        primary.next = new Transfer.Incremental(List.of(new ZoneDelta(s10, s11, List.of(),
                List.of(new TXTRecord(Name.fromConstantString("ok.service.ns.example.org."), DClass.HS, 300,
                        "ok udp 99")))));
        secondary.notified();
        SecondaryServerTestAccess.await(() -> events.contains("IXFR applied"));
        assertThat(target.zone.get().serial()).isEqualTo(11);
        assertThat(target.zone.get().node(Name.fromConstantString("ok.service.ns.example.org."), DClass.IN)
                .rrset(Type.TXT)).hasSize(1);
        assertThat(target.history.since(10)).isPresent();
        secondary.close();
    }

    @Test
    void timersComeFromTheSoaWithAFloorAndAnOptionalCap() throws Exception {
        SOARecord soa = zone(1).soa(DClass.HS); // refresh 3600, retry 900, expire 604800
        RefreshTimers plain = new RefreshTimers(Optional.empty());
        assertThat(plain.refresh(soa).toSeconds()).isEqualTo(3600);
        assertThat(plain.retry(soa).toSeconds()).isEqualTo(900);
        assertThat(plain.initialBackoff(1).toSeconds()).isEqualTo(1);
        assertThat(plain.initialBackoff(3).toSeconds()).isEqualTo(4);
        assertThat(plain.initialBackoff(30)).isEqualTo(RefreshTimers.INITIAL_MAX);
        RefreshTimers lab = new RefreshTimers(Optional.of(java.time.Duration.ofSeconds(10)));
        assertThat(lab.refresh(soa).toSeconds()).isEqualTo(10);
        assertThat(lab.expire(soa).toSeconds()).isEqualTo(604800);
        SOARecord tiny = new SOARecord(APEX, DClass.HS, 300, APEX, APEX, 1, 1, 1, 1, 1);
        assertThat(plain.refresh(tiny)).isEqualTo(RefreshTimers.FLOOR);
    }
}
