package org.flatracoon.netstack.hesiod.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A loaded, validated zone, immutable and safe to share between threads.
 *
 * <p>Hesiod clients ask in class IN (libhesiod) or HS (glibc, dig -c HS), and an answer must carry the class that
 * was asked. So the zone keeps one copy of its data per class, converted once at load time, whatever class the
 * file used.
 */
public final class HesiodZone {
    /** The classes this server answers in. */
    public static final List<Integer> SERVED_CLASSES = List.of(DClass.IN, DClass.HS);

    private final String source;
    private final Name apex;
    private final long serial;
    private final int recordCount;
    private final Map<Integer, Map<Name, ZoneNode>> nodesByClass;
    private final List<Record> records;
    private final Set<Name> cuts;

    private HesiodZone(String source, Name apex, long serial, int recordCount,
                       Map<Integer, Map<Name, ZoneNode>> nodesByClass, Set<Name> cuts) {
        this.source = source;
        this.apex = apex;
        this.serial = serial;
        this.recordCount = recordCount;
        this.nodesByClass = nodesByClass;
        this.records = canonicalRecords(apex, nodesByClass.get(DClass.HS));
        this.cuts = cuts;
    }

    /**
     * Builds a zone from records that were not read from a file (an update, a journal replay, a transfer),
     * with the same checks as a zone file. Problems are reported against {@code source} without line numbers.
     */
    public static HesiodZone fromRecords(String source, List<Record> records) throws ZoneLoadException {
        List<SourcedRecord> sourced = records.stream().map(r -> new SourcedRecord(r, 0)).toList();
        ZoneValidator.Result checked = ZoneValidator.validate(source, sourced);
        if (!checked.problems().isEmpty()) {
            throw new ZoneLoadException(checked.problems());
        }
        return build(source, checked.apex(), records);
    }

    /** SOA first, then by owner in DNSSEC canonical order, each owner's RRsets in file order. */
    private static List<Record> canonicalRecords(Name apex, Map<Name, ZoneNode> nodes) {
        List<Record> all = new ArrayList<>();
        all.addAll(nodes.get(apex).rrset(Type.SOA));
        nodes.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> e.getValue().rrsets().stream()
                        .filter(rrset -> !(e.getKey().equals(apex) && rrset.get(0).getType() == Type.SOA))
                        .forEach(all::addAll));
        return List.copyOf(all);
    }

    /** Builds the zone from records already checked by {@link ZoneValidator}. */
    static HesiodZone build(String source, Name apex, List<Record> records) {
        long serial = records.stream().filter(SOARecord.class::isInstance).map(SOARecord.class::cast)
                .findFirst().orElseThrow().getSerial();
        Map<Integer, Map<Name, ZoneNode>> byClass = new HashMap<>();
        for (int dclass : SERVED_CLASSES) {
            byClass.put(dclass, nodes(apex, records, dclass));
        }
        int distinct = byClass.get(DClass.IN).values().stream()
                .flatMap(node -> node.rrsets().stream()).mapToInt(List::size).sum();
        Set<Name> cuts = records.stream()
                .filter(r -> r.getType() == Type.NS && !r.getName().equals(apex))
                .map(Record::getName)
                .collect(Collectors.toUnmodifiableSet());
        return new HesiodZone(source, apex, serial, distinct, Map.copyOf(byClass), cuts);
    }

    private static Map<Name, ZoneNode> nodes(Name apex, List<Record> records, int dclass) {
        // a set per owner: the same record given twice (or once per class) is served once
        Map<Name, Set<Record>> owners = new LinkedHashMap<>();
        for (Record r : records) {
            owners.computeIfAbsent(r.getName(), n -> new LinkedHashSet<>()).add(inClass(r, dclass));
            for (Name parent = parentOf(r.getName()); parent.subdomain(apex); parent = parentOf(parent)) {
                owners.computeIfAbsent(parent, n -> new LinkedHashSet<>());
                if (parent.equals(apex)) {
                    break;
                }
            }
        }
        Map<Name, ZoneNode> nodes = new HashMap<>();
        owners.forEach((name, list) -> nodes.put(name, ZoneNode.of(list)));
        return Map.copyOf(nodes);
    }

    private static Name parentOf(Name name) {
        return new Name(name, 1);
    }

    /** The same record in another class. The rdata is copied as wire bytes, so nothing is re-parsed or re-cased. */
    public static Record inClass(Record r, int dclass) {
        if (r.getDClass() == dclass) {
            return r;
        }
        byte[] wire = r.toWire(Section.ANSWER);
        int rdataStart = r.getName().length() + 10; // owner, then type, class, ttl and rdlength
        byte[] rdata = Arrays.copyOfRange(wire, rdataStart, wire.length);
        return Record.newRecord(r.getName(), r.getType(), dclass, r.getTTL(), rdata);
    }

    /** The node for {@code name} in {@code dclass} (IN or HS), or null if the name does not exist in the zone. */
    public ZoneNode node(Name name, int dclass) {
        Map<Name, ZoneNode> nodes = nodesByClass.get(dclass);
        if (nodes == null) {
            throw new IllegalArgumentException("zone data is served in IN and HS only, not " + DClass.string(dclass));
        }
        return nodes.get(name);
    }

    /**
     * The zone cut (delegation point) at or above {@code name}: the highest name between the apex (excluded) and
     * {@code name} (included) that owns an NS RRset. Data at or below it belongs to the child zone, except the
     * NS and DS RRsets at the cut itself and glue. Empty if {@code name} is not delegated (or not in the zone).
     */
    public Optional<Name> delegationFor(Name name) {
        if (!contains(name)) {
            return Optional.empty();
        }
        return ZoneValidator.cutAbove(apex, cuts, name);
    }

    /** Every zone cut of this zone (owners of NS RRsets below the apex); empty for a zone without delegations. */
    public Set<Name> delegations() {
        return cuts;
    }

    public SOARecord soa(int dclass) {
        return (SOARecord) node(apex, dclass).rrset(Type.SOA).get(0);
    }

    /**
     * The SOA to put in AUTHORITY of NXDOMAIN/NODATA answers. Its TTL is the negative-caching TTL:
     * min(SOA TTL, SOA MINIMUM), RFC 2308 §3.
     */
    public SOARecord negativeSoa(int dclass) {
        SOARecord soa = soa(dclass);
        long ttl = Math.min(soa.getTTL(), soa.getMinimum());
        if (ttl == soa.getTTL()) {
            return soa;
        }
        return new SOARecord(soa.getName(), soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(), soa.getSerial(),
                soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    /**
     * Every record of the zone once, in class HS, SOA first: the zone's content as transfers, updates and the
     * journal see it.
     */
    public List<Record> records() {
        return records;
    }

    /** {@link #records()} in class IN or HS, for a zone transfer in the class that was asked. */
    public List<Record> records(int dclass) {
        if (dclass == DClass.HS) {
            return records;
        }
        node(apex, dclass); // rejects classes we do not serve
        return records.stream().map(r -> inClass(r, dclass)).toList();
    }

    public boolean contains(Name name) {
        return name.subdomain(apex);
    }

    public Name apex() {
        return apex;
    }

    public long serial() {
        return serial;
    }

    /** The number of distinct resource records loaded (duplicates in the file count once). */
    public int recordCount() {
        return recordCount;
    }

    /** Where the zone was loaded from, for logs. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return apex + " (serial " + serial + ", " + recordCount + " records)";
    }
}
