package org.flatracoon.netstack.hesiod.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Serial;

/**
 * The content of outgoing zone transfers, without sockets: AXFR (RFC 5936: SOA, all records, SOA) and IXFR
 * (RFC 1995: new SOA, then per change old SOA, deletions, new SOA, additions, and the new SOA to close),
 * in the class that was asked, split into messages that fit one TCP frame with room for a TSIG.
 */
public final class ZoneTransfer {
    /** Well below 64 KiB: leaves room for the TSIG and keeps each message quick to sign and send. */
    static final int MESSAGE_BUDGET = 16_000;

    private ZoneTransfer() {
    }

    /** AXFR: SOA, every other record, SOA. */
    public static List<Record> axfrRecords(HesiodZone zone, int dclass) {
        List<Record> records = zone.records(dclass);
        List<Record> out = new ArrayList<>(records.size() + 1);
        out.addAll(records);
        out.add(records.get(0));
        return out;
    }

    /**
     * IXFR from {@code clientSerial}: just the current SOA if the client is up to date (or ahead), the
     * incremental sequence if the history reaches back to its serial, else the AXFR-style answer (RFC 1995 §4).
     */
    public static List<Record> ixfrRecords(HesiodZone zone, ZoneHistory history, long clientSerial, int dclass) {
        SOARecord current = zone.soa(dclass);
        if (Serial.compare(clientSerial, current.getSerial()) >= 0) {
            return List.of(current);
        }
        Optional<List<ZoneDelta>> deltas = history.since(clientSerial);
        if (deltas.isEmpty() || deltas.get().isEmpty()) {
            return axfrRecords(zone, dclass);
        }
        List<Record> out = new ArrayList<>();
        out.add(current);
        for (ZoneDelta d : deltas.get()) {
            out.add(HesiodZone.inClass(d.from(), dclass));
            d.deleted().forEach(r -> out.add(HesiodZone.inClass(r, dclass)));
            out.add(HesiodZone.inClass(d.to(), dclass));
            d.added().forEach(r -> out.add(HesiodZone.inClass(r, dclass)));
        }
        out.add(current);
        return out;
    }

    /** Packs answer records into response messages to {@code query}: AA set, the question in the first one. */
    public static List<Message> messages(Message query, List<Record> records) {
        List<Message> messages = new ArrayList<>();
        Message current = null;
        int size = 0;
        for (Record r : records) {
            int length = r.toWire(Section.ANSWER).length;
            if (current == null || size + length > MESSAGE_BUDGET) {
                current = response(query, messages.isEmpty());
                messages.add(current);
                size = 0;
            }
            current.addRecord(r, Section.ANSWER);
            size += length;
        }
        return messages;
    }

    private static Message response(Message query, boolean withQuestion) {
        Message m = new Message(query.getHeader().getID());
        Header h = m.getHeader();
        h.setFlag(Flags.QR);
        h.setFlag(Flags.AA);
        h.setOpcode(query.getHeader().getOpcode());
        if (withQuestion) {
            m.addRecord(query.getQuestion(), Section.QUESTION);
        }
        return m;
    }
}
