package org.flatracoon.netstack.hesiod.update;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Serial;
import org.xbill.DNS.Type;

/**
 * RFC 2136 dynamic update on one zone snapshot, as a pure function: prerequisites (§3.2), prescan (§3.4.1),
 * then the changes (§3.4.2) on a copy. The result must still be a valid Hesiod zone (every TXT payload parsed
 * by its map), else nothing changes and the update is REFUSED. A change bumps the SOA serial (RFC 1982).
 *
 * <p>The caller has already checked authorisation and that the zone section names this zone.
 */
public final class UpdateProcessor {

    private UpdateProcessor() {
    }

    /**
     * @param zone   the zone as it is now
     * @param update the parsed UPDATE message
     * @param dclass the class of its zone section (IN or HS): prerequisite and update records use it
     */
    public static UpdateResult apply(HesiodZone zone, Message update, int dclass) {
        Name apex = zone.apex();
        ZoneEditor editor = new ZoneEditor(zone.records());
        String failed = Prerequisites.check(editor, apex, update.getSection(Section.PREREQ), dclass);
        if (failed != null) {
            return UpdateResult.rejected(Prerequisites.rcodeOf(failed), failed.substring(failed.indexOf(' ') + 1));
        }
        List<Record> changes = update.getSection(Section.UPDATE);
        UpdateResult prescan = prescan(changes, apex, dclass);
        if (prescan != null) {
            return prescan;
        }
        SOARecord oldSoa = zone.soa(DClass.HS);
        SOARecord newSoa = oldSoa;
        for (Record change : changes) {
            newSoa = applyOne(editor, apex, change, dclass, newSoa);
        }
        editor.remove(oldSoa);
        if (newSoa == oldSoa && editor.sameAs(without(zone.records(), oldSoa))) {
            return UpdateResult.unchanged(); // RFC 2136 §3.4.2.6: no change, no new serial
        }
        if (newSoa == oldSoa) {
            newSoa = withSerial(oldSoa, nextSerial(oldSoa.getSerial()));
        }
        List<Record> records = editor.all();
        records.add(0, newSoa);
        HesiodZone updated;
        try {
            updated = HesiodZone.fromRecords(zone.source(), records);
        } catch (ZoneLoadException e) {
            return UpdateResult.rejected(Rcode.REFUSED, e.getMessage().replace(zone.source() + ": ", ""));
        }
        return UpdateResult.changed(updated, ZoneDelta.between(zone, updated));
    }

    private static List<Record> without(List<Record> records, Record r) {
        return records.stream().filter(x -> !x.equals(r)).toList();
    }

    /** RFC 1982 serial increment; 0 is skipped, as BIND does, since some tools treat it as "unset". */
    static long nextSerial(long serial) {
        long next = Serial.increment(serial);
        return next == 0 ? 1 : next;
    }

    private static SOARecord withSerial(SOARecord soa, long serial) {
        return new SOARecord(soa.getName(), soa.getDClass(), soa.getTTL(), soa.getHost(), soa.getAdmin(), serial,
                soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    /** §3.4.1: every change is checked before any is applied, so a bad one changes nothing. */
    private static UpdateResult prescan(List<Record> changes, Name apex, int dclass) {
        for (Record r : changes) {
            if (!r.getName().subdomain(apex)) {
                return UpdateResult.rejected(Rcode.NOTZONE, r.getName() + " is outside the zone " + apex);
            }
            int type = r.getType();
            boolean meta = type == Type.ANY || type == Type.AXFR || type == Type.IXFR || type == Type.MAILA
                    || type == Type.MAILB || type == Type.OPT || type == Type.TSIG;
            if (r.getDClass() == dclass) {
                if (meta) {
                    return UpdateResult.rejected(Rcode.FORMERR, "cannot add a record of type " + Type.string(type));
                }
            } else if (r.getDClass() == DClass.ANY) {
                if (r.getTTL() != 0 || rdataLength(r) != 0 || (meta && type != Type.ANY)) {
                    return UpdateResult.rejected(Rcode.FORMERR, "malformed RRset deletion for " + r.getName());
                }
            } else if (r.getDClass() == DClass.NONE) {
                if (r.getTTL() != 0 || meta) {
                    return UpdateResult.rejected(Rcode.FORMERR, "malformed record deletion for " + r.getName());
                }
            } else {
                return UpdateResult.rejected(Rcode.FORMERR, "update record in class " + DClass.string(r.getDClass()));
            }
        }
        return null;
    }

    static int rdataLength(Record r) {
        return r.rdataToWireCanonical().length;
    }

    /** §3.4.2; returns the SOA the zone will have (changed only by an explicit newer SOA). */
    private static SOARecord applyOne(ZoneEditor editor, Name apex, Record change, int dclass, SOARecord soa) {
        Name name = change.getName();
        int type = change.getType();
        if (change.getDClass() == dclass) {
            Record r = HesiodZone.inClass(change, DClass.HS);
            if (type == Type.SOA) {
                SOARecord proposed = (SOARecord) r;
                // only a newer serial replaces the SOA (§3.4.2.2)
                return name.equals(apex) && Serial.compare(proposed.getSerial(), soa.getSerial()) > 0 ? proposed : soa;
            }
            Set<Integer> present = editor.typesAt(name);
            boolean cnameHere = present.contains(Type.CNAME);
            if (type == Type.CNAME && !present.isEmpty() && !cnameHere) {
                return soa; // a CNAME cannot join other data: ignored, as the RFC says
            }
            if (type != Type.CNAME && cnameHere) {
                return soa;
            }
            if (type == Type.CNAME) {
                editor.removeIf(x -> x.getName().equals(name) && x.getType() == Type.CNAME); // one CNAME per name
            }
            editor.put(r);
        } else if (change.getDClass() == DClass.ANY) {
            editor.removeIf(x -> x.getName().equals(name) && (type == Type.ANY || x.getType() == type)
                    && !ZoneEditor.isApexGuarded(x, apex));
        } else {
            Record r = HesiodZone.inClass(change, DClass.HS);
            boolean lastApexNs = type == Type.NS && name.equals(apex) && editor.rrset(apex, Type.NS).size() <= 1;
            if (type != Type.SOA && !lastApexNs) {
                editor.remove(r);
            }
        }
        return soa;
    }

    /** §3.2: the five prerequisite kinds. */
    static final class Prerequisites {
        private Prerequisites() {
        }

        /** Null if all hold, else "RCODE reason". */
        static String check(ZoneEditor editor, Name apex, List<Record> prereqs, int dclass) {
            Map<String, Set<Record>> valueDependent = new LinkedHashMap<>();
            Map<String, Record> exampleOf = new LinkedHashMap<>();
            for (Record p : prereqs) {
                Name name = p.getName();
                int type = p.getType();
                if (p.getTTL() != 0) {
                    return "FORMERR prerequisite for " + name + " has a TTL";
                }
                if (!name.subdomain(apex)) {
                    return "NOTZONE prerequisite " + name + " is outside the zone " + apex;
                }
                if (p.getDClass() == DClass.ANY) {
                    if (rdataLength(p) != 0) {
                        return "FORMERR prerequisite for " + name + " has data";
                    }
                    if (type == Type.ANY && !editor.nameInUse(name)) {
                        return "NXDOMAIN name " + name + " is not in use";
                    }
                    if (type != Type.ANY && editor.rrset(name, type).isEmpty()) {
                        return "NXRRSET no " + Type.string(type) + " RRset at " + name;
                    }
                } else if (p.getDClass() == DClass.NONE) {
                    if (rdataLength(p) != 0) {
                        return "FORMERR prerequisite for " + name + " has data";
                    }
                    if (type == Type.ANY && editor.nameInUse(name)) {
                        return "YXDOMAIN name " + name + " is in use";
                    }
                    if (type != Type.ANY && !editor.rrset(name, type).isEmpty()) {
                        return "YXRRSET a " + Type.string(type) + " RRset exists at " + name;
                    }
                } else if (p.getDClass() == dclass) {
                    String key = name + "/" + type;
                    valueDependent.computeIfAbsent(key, k -> new HashSet<>()).add(HesiodZone.inClass(p, DClass.HS));
                    exampleOf.putIfAbsent(key, p);
                } else {
                    return "FORMERR prerequisite in class " + DClass.string(p.getDClass());
                }
            }
            for (Map.Entry<String, Set<Record>> e : valueDependent.entrySet()) {
                Record p = exampleOf.get(e.getKey());
                Set<Record> actual = new HashSet<>(editor.rrset(p.getName(), p.getType()));
                if (!actual.equals(e.getValue())) {
                    return "NXRRSET the " + Type.string(p.getType()) + " RRset at " + p.getName()
                            + " is not the one required";
                }
            }
            return null;
        }

        static int rcodeOf(String failure) {
            return Rcode.value(failure.substring(0, failure.indexOf(' ')));
        }
    }
}
