package org.flatracoon.netstack.hesiod.zone;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.netstack.hesiod.maps.HesiodFormatException;
import org.flatracoon.netstack.hesiod.maps.HesiodMap;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Checks the records of one file as a zone: exactly one SOA (its owner is the apex), NS at the apex,
 * everything inside the apex, classes IN or HS, sane CNAMEs, delegations without occluded data, and, in a
 * Hesiod zone, every TXT payload valid for its map. It reports every problem rather than stopping at the first.
 *
 * <p><b>Delegations.</b> An NS RRset below the apex is a zone cut. At the cut itself only NS, DS and glue may
 * be; below it only glue: A/AAAA records whose owner is the target of an NS record of this zone. Anything else
 * there would never be served (the child answers for it) and is reported as occluded.
 *
 * <p><b>Hesiod or plain.</b> A zone is a Hesiod zone when at least one TXT or CNAME record (not occluded) is
 * named {@code <key>.<map>.<apex>} with {@code <map>} a known Hesiod map ({@code jdoe.passwd}, {@code 1001.uid}…).
 * In a Hesiod zone every TXT record below the apex is a Hesiod entry: it needs a key, a known map and a payload
 * valid for that map. In a plain zone (a parent such as {@code example.org} with A, MX, NS…) TXT records are
 * ordinary data and are not checked.
 */
final class ZoneValidator {

    record Result(Name apex, List<ZoneProblem> problems) {
    }

    private final String source;
    private final List<SourcedRecord> records;
    private final List<ZoneProblem> problems = new ArrayList<>();

    private ZoneValidator(String source, List<SourcedRecord> records) {
        this.source = source;
        this.records = records;
    }

    static Result validate(String source, List<SourcedRecord> records) {
        return new ZoneValidator(source, records).run();
    }

    private Result run() {
        records.forEach(this::checkClass);
        Optional<SourcedRecord> soa = checkSingleSoa();
        if (soa.isEmpty()) {
            return new Result(null, problems);
        }
        Name apex = soa.get().record().getName();
        List<SourcedRecord> inside = new ArrayList<>();
        for (SourcedRecord r : records) {
            if (r.record().getName().subdomain(apex)) {
                inside.add(r);
            } else {
                problem(r, describe(r) + " is outside the zone " + apex + " (the SOA owner)");
            }
        }
        checkApexNs(apex, soa.get());
        Map<Name, SourcedRecord> cuts = cuts(apex, inside);
        Set<Name> nsTargets = nsTargets(inside);
        List<SourcedRecord> served = new ArrayList<>();
        for (SourcedRecord r : inside) {
            Optional<Name> cut = cutAbove(apex, cuts.keySet(), r.record().getName());
            if (cut.isPresent() && !allowedAtOrBelowCut(r.record(), cut.get(), nsTargets)) {
                problem(r, describe(r) + " is below the delegation to " + cut.get() + at(cuts.get(cut.get()))
                        + ": occluded data is never served (only NS and DS at the cut, and A/AAAA glue for"
                        + " name servers, may be there)");
            } else {
                served.add(r);
            }
        }
        boolean hesiod = served.stream().anyMatch(r -> isHesiodEntry(apex, r));
        for (SourcedRecord r : served) {
            checkPlacement(apex, r);
            if (hesiod && r.record().getType() == Type.TXT && servedClass(r)) {
                checkHesiodPayload(apex, r);
            }
        }
        checkCnames(apex, cuts.keySet(), served);
        return new Result(apex, problems);
    }

    /** The zone cuts: owners of NS records below the apex, each with its first NS record (for its line). */
    private static Map<Name, SourcedRecord> cuts(Name apex, List<SourcedRecord> inside) {
        Map<Name, SourcedRecord> cuts = new HashMap<>();
        for (SourcedRecord r : inside) {
            if (r.record().getType() == Type.NS && !r.record().getName().equals(apex)) {
                cuts.putIfAbsent(r.record().getName(), r);
            }
        }
        return cuts;
    }

    private static Set<Name> nsTargets(List<SourcedRecord> inside) {
        Set<Name> targets = new HashSet<>();
        for (SourcedRecord r : inside) {
            if (r.record() instanceof NSRecord ns) {
                targets.add(ns.getTarget());
            }
        }
        return targets;
    }

    /** The highest zone cut at or above {@code name} (the one closest to the apex), if any. */
    static Optional<Name> cutAbove(Name apex, Set<Name> cuts, Name name) {
        if (cuts.isEmpty()) {
            return Optional.empty();
        }
        for (int strip = name.labels() - apex.labels() - 1; strip >= 0; strip--) {
            Name candidate = new Name(name, strip);
            if (cuts.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** NS and DS at the cut belong to the parent; A/AAAA of a name server are glue wherever they are. */
    private static boolean allowedAtOrBelowCut(Record r, Name cut, Set<Name> nsTargets) {
        int type = r.getType();
        if (r.getName().equals(cut) && (type == Type.NS || type == Type.DS)) {
            return true;
        }
        return (type == Type.A || type == Type.AAAA) && nsTargets.contains(r.getName());
    }

    /** A TXT or CNAME record named {@code <key>.<map>.<apex>} with a known map: what makes a zone a Hesiod zone. */
    private static boolean isHesiodEntry(Name apex, SourcedRecord r) {
        int type = r.record().getType();
        if ((type != Type.TXT && type != Type.CNAME) || !servedClass(r)) {
            return false;
        }
        Name relative = r.record().getName().relativize(apex);
        return relative.labels() >= 2 && HesiodMap.fromLabel(relative.getLabelString(relative.labels() - 1)).isPresent();
    }

    private static String at(SourcedRecord r) {
        return r.line() > 0 ? " (line " + r.line() + ")" : "";
    }

    private static boolean servedClass(SourcedRecord r) {
        int dclass = r.record().getDClass();
        return dclass == DClass.IN || dclass == DClass.HS;
    }

    private void checkClass(SourcedRecord r) {
        int dclass = r.record().getDClass();
        if (!servedClass(r)) {
            problem(r, describe(r) + ": class " + DClass.string(dclass) + " is not supported (use IN or HS)");
        }
    }

    private Optional<SourcedRecord> checkSingleSoa() {
        List<SourcedRecord> soas = records.stream().filter(r -> r.record().getType() == Type.SOA).toList();
        if (soas.isEmpty()) {
            problems.add(ZoneProblem.ofFile(source, "no SOA record (its owner name is the zone apex)"));
            return Optional.empty();
        }
        for (SourcedRecord extra : soas.subList(1, soas.size())) {
            problem(extra, "another SOA record (" + extra.record().getName() + "); a zone has exactly one, the first is on line "
                    + soas.get(0).line());
        }
        return Optional.of(soas.get(0));
    }

    private void checkApexNs(Name apex, SourcedRecord soa) {
        boolean hasNs = records.stream()
                .anyMatch(r -> r.record().getType() == Type.NS && r.record().getName().equals(apex));
        if (!hasNs) {
            problem(soa, "no NS record at the zone apex " + apex);
        }
    }

    private void checkPlacement(Name apex, SourcedRecord r) {
        Name name = r.record().getName();
        if (name.isWild()) {
            problem(r, describe(r) + ": wildcard names are not supported");
        }
        if (r.record().getType() == Type.SOA && !name.equals(apex)) {
            problem(r, describe(r) + ": SOA only at the apex");
        }
    }

    /** The map is the label right under the apex; whatever is left of it is the key, dots included. */
    private void checkHesiodPayload(Name apex, SourcedRecord r) {
        Name name = r.record().getName();
        if (name.equals(apex)) {
            return; // apex TXT records are not Hesiod entries
        }
        Name relative = name.relativize(apex);
        if (relative.labels() < 2) {
            problem(r, "TXT record at " + name + " has no key: Hesiod names are <key>.<map>." + apex);
            return;
        }
        String mapLabel = relative.getLabelString(relative.labels() - 1);
        Optional<HesiodMap> map = HesiodMap.fromLabel(mapLabel);
        if (map.isEmpty()) {
            problem(r, "TXT record at " + name + ": unknown Hesiod map '" + mapLabel + "'");
            return;
        }
        try {
            map.get().parse(payload((TXTRecord) r.record()));
        } catch (HesiodFormatException e) {
            problem(r, map.get().label() + " record for " + name + ": " + e.getMessage());
        }
    }

    /** Hesiod clients concatenate the character-strings of one TXT record, so a payload may exceed 255 bytes. */
    static String payload(TXTRecord txt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        txt.getStringsAsByteArrays().forEach(out::writeBytes);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void checkCnames(Name apex, Set<Name> cuts, List<SourcedRecord> inside) {
        Map<Name, Set<Integer>> typesByName = new HashMap<>();
        Map<Name, Set<Name>> cnameTargets = new HashMap<>();
        for (SourcedRecord r : inside) {
            typesByName.computeIfAbsent(r.record().getName(), n -> new HashSet<>()).add(r.record().getType());
        }
        for (SourcedRecord r : inside) {
            if (!(r.record() instanceof CNAMERecord)) {
                continue;
            }
            Name name = r.record().getName();
            Name target = ((CNAMERecord) r.record()).getTarget();
            if (typesByName.get(name).size() > 1) {
                problem(r, name + " has a CNAME and other records");
            }
            Set<Name> targets = cnameTargets.computeIfAbsent(name, n -> new HashSet<>());
            if (targets.add(target) && targets.size() == 2) {
                problem(r, name + " has more than one CNAME");
            }
            if (target.subdomain(apex) && !typesByName.containsKey(target)
                    && cutAbove(apex, cuts, target).isEmpty()) { // below a cut: the child has it
                problem(r, "CNAME " + name + " points to " + target + ", which does not exist in the zone");
            }
        }
    }

    private static String describe(SourcedRecord r) {
        return r.record().getName() + " " + Type.string(r.record().getType());
    }

    private void problem(SourcedRecord r, String message) {
        problems.add(new ZoneProblem(source, r.line(), message));
    }
}
