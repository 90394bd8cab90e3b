package org.flatracoon.netstack.hesiod.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.flatracoon.netstack.hesiod.update.UpdateProcessor;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class JournalCodecTest {

    private static ZoneDelta someChange() throws Exception {
        HesiodZone zone = ZoneLoader.load(ZoneLoaderTestAccess.fixture());
        Update u = new Update(Name.fromConstantString("ns.example.org."), DClass.HS);
        u.delete(Name.fromConstantString("jdoe.pobox.ns.example.org."), Type.TXT);
        u.add(Name.fromConstantString("bob.passwd.ns.example.org."), Type.TXT, 300,
                "\"bob:*:1003:1001:Bob:/home/bob:/bin/sh\"");
        return UpdateProcessor.apply(zone, u, DClass.HS).delta();
    }

    @Test
    void changesReadBackAsWritten() throws Exception {
        ZoneDelta delta = someChange();
        byte[] file = concat(JournalCodec.header(delta.fromSerial()), JournalCodec.encode(delta),
                JournalCodec.encode(delta));
        JournalCodec.Contents contents = JournalCodec.decode(file);
        assertThat(contents.problem()).isNull();
        assertThat(contents.baseSerial()).isEqualTo(delta.fromSerial());
        assertThat(contents.deltas()).hasSize(2);
        assertThat(contents.deltas().get(0)).isEqualTo(delta);
        assertThat(contents.validLength()).isEqualTo(file.length);
    }

    @Test
    void aTornOrCorruptLastRecordIsDroppedAndTheGoodOnesKept() throws Exception {
        ZoneDelta delta = someChange();
        byte[] good = concat(JournalCodec.header(1), JournalCodec.encode(delta));
        byte[] record = JournalCodec.encode(delta);
        for (int cut = 1; cut < record.length; cut += 7) {
            JournalCodec.Contents torn = JournalCodec.decode(concat(good, Arrays.copyOf(record, cut)));
            assertThat(torn.deltas()).hasSize(1);
            assertThat(torn.validLength()).isEqualTo(good.length);
            assertThat(torn.problem()).contains("record 2");
        }
        byte[] flipped = record.clone();
        flipped[flipped.length - 3] ^= 0x40;
        assertThat(JournalCodec.decode(concat(good, flipped)).problem()).contains("checksum mismatch");
        assertThatThrownBy(() -> JournalCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IOException.class);
    }

    @Test
    void theJournalFileIsTruncatedAtATornRecordAndAppendsFollowTheGoodOnes(@TempDir Path dir) throws Exception {
        ZoneDelta delta = someChange();
        Path file = dir.resolve("z.jnl");
        ZoneJournal journal = ZoneJournal.startingAt(file, delta.fromSerial());
        journal.append(delta);
        journal.close();
        byte[] record = JournalCodec.encode(delta);
        Files.write(file, Arrays.copyOf(record, 10), java.nio.file.StandardOpenOption.APPEND);

        ZoneJournal.Opened opened = ZoneJournal.open(file);
        assertThat(opened.contents().deltas()).hasSize(1);
        opened.journal().append(delta);
        opened.journal().close();
        assertThat(JournalCodec.decode(Files.readAllBytes(file)).deltas()).hasSize(2);
        assertThat(JournalCodec.decode(Files.readAllBytes(file)).problem()).isNull();
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
