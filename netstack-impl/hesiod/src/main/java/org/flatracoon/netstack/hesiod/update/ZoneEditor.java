package org.flatracoon.netstack.hesiod.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A mutable working copy of a zone's records (class HS) for applying one update. Keys ignore the TTL, as
 * {@link Record#equals} does, so adding a record that exists replaces its TTL (RFC 2136 §3.4.2.2).
 */
final class ZoneEditor {
    private final Map<Record, Record> records = new LinkedHashMap<>();

    ZoneEditor(List<Record> records) {
        records.forEach(r -> this.records.put(r, r));
    }

    boolean nameInUse(Name name) {
        return records.keySet().stream().anyMatch(r -> r.getName().equals(name));
    }

    List<Record> rrset(Name name, int type) {
        return records.keySet().stream().filter(r -> r.getName().equals(name) && r.getType() == type).toList();
    }

    Set<Integer> typesAt(Name name) {
        return records.keySet().stream().filter(r -> r.getName().equals(name)).map(Record::getType)
                .collect(Collectors.toSet());
    }

    void put(Record r) {
        records.remove(r); // re-insert so that the new TTL is kept
        records.put(r, r);
    }

    void remove(Record r) {
        records.remove(r);
    }

    void removeIf(Predicate<Record> which) {
        records.keySet().removeIf(which);
    }

    List<Record> all() {
        return new ArrayList<>(records.values());
    }

    /** The same records with the same TTLs. */
    boolean sameAs(List<Record> other) {
        if (other.size() != records.size()) {
            return false;
        }
        for (Record r : other) {
            Record mine = records.get(r);
            if (mine == null || mine.getTTL() != r.getTTL()) {
                return false;
            }
        }
        return true;
    }

    static boolean isApexGuarded(Record r, Name apex) {
        return r.getName().equals(apex) && (r.getType() == Type.SOA || r.getType() == Type.NS);
    }
}
