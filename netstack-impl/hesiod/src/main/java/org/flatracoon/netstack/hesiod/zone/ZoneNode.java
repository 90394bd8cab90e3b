package org.flatracoon.netstack.hesiod.zone;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;

/**
 * The records of one owner name in one class, grouped by type in file order. A node without records is an
 * empty non-terminal (e.g. {@code passwd.ns.example.org.} when only {@code jdoe.passwd…} exists): the name
 * exists, so it gets NODATA rather than NXDOMAIN (RFC 8020).
 */
public final class ZoneNode {
    private final Map<Integer, List<Record>> byType;

    private ZoneNode(Map<Integer, List<Record>> byType) {
        this.byType = byType;
    }

    static ZoneNode of(Collection<Record> records) {
        Map<Integer, List<Record>> byType = new LinkedHashMap<>();
        for (Record r : records) {
            byType.computeIfAbsent(r.getType(), t -> new ArrayList<>()).add(r);
        }
        byType.replaceAll((type, list) -> List.copyOf(list));
        return new ZoneNode(Collections.unmodifiableMap(byType));
    }

    /** The RRset of that type, empty if there is none. */
    public List<Record> rrset(int type) {
        return byType.getOrDefault(type, List.of());
    }

    /** All RRsets, for ANY queries. */
    public Collection<List<Record>> rrsets() {
        return byType.values();
    }

    public boolean isEmptyNonTerminal() {
        return byType.isEmpty();
    }
}
