package org.flatracoon.netstack.dns64.resolve;

import java.io.IOException;
import java.util.List;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Record helpers dnsjava lacks. */
public final class Records {
    private Records() {
    }

    /**
     * A copy of {@code record} with another TTL. dnsjava records are immutable and have no such method; the
     * wire form (owner, type, class, TTL, RDATA) is patched instead, which keeps the case of names in the RDATA.
     */
    public static Record withTtl(Record record, long ttl) {
        if (record.getTTL() == ttl) {
            return record;
        }
        byte[] wire = record.toWire(Section.ANSWER);
        int at = record.getName().length() + 4; // after owner, type and class
        wire[at] = (byte) (ttl >>> 24);
        wire[at + 1] = (byte) (ttl >>> 16);
        wire[at + 2] = (byte) (ttl >>> 8);
        wire[at + 3] = (byte) ttl;
        try {
            return Record.fromWire(wire, Section.ANSWER);
        } catch (IOException e) {
            throw new IllegalStateException("re-reading a record we just wrote: " + record, e);
        }
    }

    static List<Record> aged(List<Record> records, long seconds) {
        return records.stream().map(r -> withTtl(r, Math.max(0, r.getTTL() - seconds))).toList();
    }
}
