package org.flatracoon.netstack.hesiod.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flatracoon.netstack.hesiod.update.UpdateProcessor;
import org.flatracoon.netstack.hesiod.update.UpdateResult;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class ZoneTransferTest {
    private static final Name APEX = Name.fromConstantString("ns.example.org.");

    private static UpdateResult add(HesiodZone zone, String user, int uid) throws Exception {
        Update u = new Update(APEX, DClass.HS);
        u.add(Name.fromConstantString(user + ".passwd.ns.example.org."), Type.TXT, 300,
                "\"" + user + ":*:" + uid + ":1:x:/home/" + user + ":/bin/sh\"");
        return UpdateProcessor.apply(zone, u, DClass.HS);
    }

    @Test
    void ixfrIsTheRfc1995SequenceAndFallsBackToAxfrWhenTheHistoryIsShort() throws Exception {
        HesiodZone v0 = ZoneLoader.load(ZoneLoaderTestAccess.fixture());
        UpdateResult first = add(v0, "bob", 1003);
        UpdateResult second = add(first.zone(), "eve", 1004);
        HesiodZone v2 = second.zone();
        ZoneHistory history = ZoneHistory.of(List.of(first.delta(), second.delta()));
        long s0 = v0.serial();

        List<Record> ixfr = ZoneTransfer.ixfrRecords(v2, history, s0, DClass.IN);
        assertThat(ixfr).extracting(r -> r instanceof SOARecord soa ? "SOA " + (soa.getSerial() - s0)
                : r.getName().getLabelString(0)).containsExactly(
                "SOA 2", "SOA 0", "SOA 1", "bob", "SOA 1", "SOA 2", "eve", "SOA 2");
        assertThat(ixfr).allSatisfy(r -> assertThat(r.getDClass()).isEqualTo(DClass.IN));

        assertThat(ZoneTransfer.ixfrRecords(v2, history, s0 + 1, DClass.HS)).hasSize(5);
        assertThat(ZoneTransfer.ixfrRecords(v2, history, s0 + 2, DClass.HS)).singleElement()
                .isInstanceOf(SOARecord.class);
        List<Record> fallback = ZoneTransfer.ixfrRecords(v2, history, s0 - 1, DClass.HS);
        assertThat(fallback).isEqualTo(ZoneTransfer.axfrRecords(v2, DClass.HS));
        assertThat(fallback).hasSize(v2.recordCount() + 1);
    }

    @Test
    void largeTransfersAreSplitIntoSeveralMessagesWithTheQuestionInTheFirst() throws Exception {
        HesiodZone zone = ZoneLoader.load(ZoneLoaderTestAccess.fixture());
        List<Record> records = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.addAll(ZoneTransfer.axfrRecords(zone, DClass.HS));
        }
        Message query = Message.newQuery(Record.newRecord(APEX, Type.AXFR, DClass.HS));
        List<Message> messages = ZoneTransfer.messages(query, records);
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.get(0).getSection(Section.QUESTION)).hasSize(1);
        assertThat(messages.get(1).getSection(Section.QUESTION)).isEmpty();
        assertThat(messages).allSatisfy(m -> assertThat(m.toWire().length).isLessThan(65_535));
        assertThat(messages.stream().mapToInt(m -> m.getSection(Section.ANSWER).size()).sum())
                .isEqualTo(records.size());
    }
}
