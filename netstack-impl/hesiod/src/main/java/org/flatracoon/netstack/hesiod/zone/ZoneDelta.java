package org.flatracoon.netstack.hesiod.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One change of a zone, from one SOA serial to the next: what a journal record holds and what an IXFR sends
 * (RFC 1995: old SOA, deletions, new SOA, additions). Records are in class HS, SOAs excluded from the lists.
 *
 * <p>A record whose TTL changed is deleted and added again: dnsjava's {@link Record#equals} ignores the TTL,
 * so the lists compare (record, TTL) pairs.
 */
public record ZoneDelta(SOARecord from, SOARecord to, List<Record> deleted, List<Record> added) {

    public ZoneDelta {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        deleted = List.copyOf(deleted);
        added = List.copyOf(added);
    }

    public long fromSerial() {
        return from.getSerial();
    }

    public long toSerial() {
        return to.getSerial();
    }

    /** The change that turns {@code before} into {@code after}. */
    public static ZoneDelta between(HesiodZone before, HesiodZone after) {
        Map<Record, Long> old = withTtls(before.records());
        Map<Record, Long> now = withTtls(after.records());
        List<Record> deleted = new ArrayList<>();
        List<Record> added = new ArrayList<>();
        for (Record r : before.records()) {
            if (r.getType() != Type.SOA && !Objects.equals(now.get(r), r.getTTL())) {
                deleted.add(r);
            }
        }
        for (Record r : after.records()) {
            if (r.getType() != Type.SOA && !Objects.equals(old.get(r), r.getTTL())) {
                added.add(r);
            }
        }
        return new ZoneDelta(before.soa(DClass.HS), after.soa(DClass.HS), deleted, added);
    }

    private static Map<Record, Long> withTtls(List<Record> records) {
        Map<Record, Long> ttls = new HashMap<>();
        records.forEach(r -> ttls.put(r, r.getTTL()));
        return ttls;
    }

    /**
     * The records of {@code zone} with this change applied; the zone must be at {@link #fromSerial()}.
     *
     * @throws IllegalStateException if the zone is at another serial
     */
    public List<Record> applyTo(HesiodZone zone) {
        if (zone.serial() != fromSerial()) {
            throw new IllegalStateException("change from serial " + fromSerial() + " to " + toSerial()
                    + " does not apply to serial " + zone.serial());
        }
        Map<Record, Record> records = new LinkedHashMap<>();
        zone.records().forEach(r -> records.put(r, r));
        records.remove(from);
        deleted.forEach(records::remove);
        List<Record> result = new ArrayList<>();
        result.add(to);
        records.values().stream().filter(r -> r.getType() != Type.SOA).forEach(result::add);
        for (Record r : added) {
            if (records.containsKey(r)) {
                result.remove(r);
            }
            result.add(r);
        }
        return result;
    }
}
