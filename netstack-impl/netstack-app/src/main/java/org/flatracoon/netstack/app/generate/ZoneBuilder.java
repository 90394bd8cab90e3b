package org.flatracoon.netstack.app.generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.flatracoon.netstack.hesiod.maps.GroupEntry;
import org.flatracoon.netstack.hesiod.maps.GrplistEntry;
import org.flatracoon.netstack.hesiod.maps.HesiodEntry;
import org.flatracoon.netstack.hesiod.maps.HesiodFormatException;
import org.flatracoon.netstack.hesiod.maps.HesiodMap;
import org.flatracoon.netstack.hesiod.maps.PasswdEntry;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;

/**
 * Turns accounts and groups into the records of a Hesiod zone, checking everything first:
 *
 * <ul>
 *   <li>{@code <name>.passwd} TXT and {@code <uid>.uid} CNAME for every account;</li>
 *   <li>{@code <group>.group} TXT and {@code <gid>.gid} CNAME for every group; its members are those listed in
 *       groups.yml plus the accounts that list the group, sorted;</li>
 *   <li>{@code <name>.grplist} TXT ({@code group:gid:…}, sorted by group) for every account in at least one group;</li>
 *   <li>{@code <name>.filsys} and {@code <name>.pobox} TXT when given.</li>
 * </ul>
 *
 * Every payload goes through the typed map classes (built, formatted, parsed back) before it is accepted. Names must
 * be usable as DNS labels; names and ids must be unique; groups and members must refer to existing entries.
 */
public final class ZoneBuilder {
    static final int PASSWD = 0;
    static final int UID = 1;
    static final int GROUP = 2;
    static final int GID = 3;
    static final int GRPLIST = 4;
    static final int FILSYS = 5;
    static final int POBOX = 6;

    /** The most TXT data one record can carry: 65535 bytes of RDATA, one length byte per 255 bytes. */
    static final int MAX_TXT_PAYLOAD = 65_535 / 256 * 255;

    /** Letters, digits, '_', '-', '.' between labels; no leading '-' or '.'. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?");

    /** The records, sorted by map then key, or the problems. */
    public record Result(List<ZoneRecord> records, List<ZoneProblem> problems) {
    }

    private final HesiodSource source;
    private final List<ZoneProblem> problems = new ArrayList<>();
    private final List<ZoneRecord> records = new ArrayList<>();

    private ZoneBuilder(HesiodSource source) {
        this.source = source;
    }

    public static Result build(HesiodSource source) {
        ZoneBuilder builder = new ZoneBuilder(source);
        builder.run();
        if (!builder.problems.isEmpty()) {
            List<ZoneProblem> sorted = new ArrayList<>(builder.problems);
            sorted.sort(Comparator.comparing(ZoneProblem::source).thenComparingInt(ZoneProblem::line));
            return new Result(List.of(), sorted);
        }
        builder.records.sort(ORDER);
        return new Result(List.copyOf(builder.records), List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<ZoneRecord> ORDER = Comparator.comparingInt(ZoneRecord::section)
            .thenComparing(r -> (Comparable) r.sortKey());

    private void run() {
        Map<String, Account> accountsByName = new HashMap<>();
        Map<Long, Account> accountsByUid = new HashMap<>();
        for (Account a : source.accounts()) {
            checkKey(a.name(), source.accountsFile(), a.line(), "account '" + a.name() + "'", "user name");
            Account earlier = accountsByName.putIfAbsent(a.name(), a);
            if (earlier != null) {
                accountProblem(a, "already defined at line " + earlier.line());
            }
            Account sameUid = accountsByUid.putIfAbsent(a.uid(), a);
            if (sameUid != null && earlier == null) {
                accountProblem(a, "uid " + a.uid() + " is already used by '" + sameUid.name() + "' (line "
                        + sameUid.line() + ")");
            }
        }
        Map<String, Group> groupsByName = new HashMap<>();
        Map<Long, Group> groupsByGid = new HashMap<>();
        Map<String, Set<String>> members = new TreeMap<>();
        for (Group g : source.groups()) {
            checkKey(g.name(), source.groupsFile(), g.line(), "group '" + g.name() + "'", "group name");
            Group earlier = groupsByName.putIfAbsent(g.name(), g);
            if (earlier != null) {
                groupProblem(g, "already defined at line " + earlier.line());
                continue;
            }
            Group sameGid = groupsByGid.putIfAbsent(g.gid(), g);
            if (sameGid != null) {
                groupProblem(g, "gid " + g.gid() + " is already used by '" + sameGid.name() + "' (line "
                        + sameGid.line() + ")");
            }
            Set<String> set = new TreeSet<>();
            for (String m : g.members()) {
                if (!accountsByName.containsKey(m) && !source.brokenNames().contains(m)) {
                    groupProblem(g, "member '" + m + "' is not an account in " + YamlDirectoryReader.ACCOUNTS);
                }
                set.add(m);
            }
            members.put(g.name(), set);
        }
        for (Account a : source.accounts()) {
            for (String g : a.groups()) {
                Set<String> set = members.get(g);
                if (set == null && !source.brokenNames().contains(g)) {
                    accountProblem(a, "group '" + g + "' is not in " + YamlDirectoryReader.GROUPS);
                } else if (set != null) {
                    set.add(a.name());
                }
            }
        }
        Map<String, List<GrplistEntry.Membership>> grplists = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : members.entrySet()) {
            Group g = groupsByName.get(e.getKey());
            for (String m : e.getValue()) {
                grplists.computeIfAbsent(m, k -> new ArrayList<>()).add(new GrplistEntry.Membership(g.name(), g.gid()));
            }
        }
        for (Account a : source.accounts()) {
            if (accountsByName.get(a.name()) != a) {
                continue; // a duplicate, already reported
            }
            addAccount(a, grplists.getOrDefault(a.name(), List.of()));
        }
        for (Group g : source.groups()) {
            if (groupsByName.get(g.name()) != g) {
                continue;
            }
            String payload = validated(HesiodMap.GROUP, () -> new GroupEntry(g.name(), "*", g.gid(),
                    List.copyOf(members.get(g.name()))), g.line(), source.groupsFile(), "group '" + g.name() + "'");
            if (payload != null) {
                records.add(new ZoneRecord(GROUP, g.name(), g.name() + ".group", "TXT", payload));
                records.add(new ZoneRecord(GID, g.gid(), g.gid() + ".gid", "CNAME", g.name() + ".group"));
            }
        }
    }

    private void addAccount(Account a, List<GrplistEntry.Membership> memberships) {
        String what = "account '" + a.name() + "'";
        String file = source.accountsFile();
        String passwd = validated(HesiodMap.PASSWD, () -> new PasswdEntry(a.name(), "*", a.uid(), a.gid(), a.gecos(),
                a.home(), a.shell()), a.line(), file, what);
        if (passwd != null) {
            records.add(new ZoneRecord(PASSWD, a.name(), a.name() + ".passwd", "TXT", passwd));
            records.add(new ZoneRecord(UID, a.uid(), a.uid() + ".uid", "CNAME", a.name() + ".passwd"));
        }
        if (!memberships.isEmpty()) {
            List<GrplistEntry.Membership> sorted = new ArrayList<>(memberships);
            sorted.sort(Comparator.comparing(GrplistEntry.Membership::group));
            String grplist = validated(HesiodMap.GRPLIST, () -> new GrplistEntry(sorted), a.line(), file, what);
            if (grplist != null) {
                records.add(new ZoneRecord(GRPLIST, a.name(), a.name() + ".grplist", "TXT", grplist));
            }
        }
        if (a.filsys() != null) {
            String filsys = validated(HesiodMap.FILSYS, () -> HesiodMap.FILSYS.parse(a.filsys()), a.line(), file,
                    what + ": filsys");
            if (filsys != null) {
                records.add(new ZoneRecord(FILSYS, a.name(), a.name() + ".filsys", "TXT", filsys));
            }
        }
        if (a.pobox() != null) {
            String pobox = validated(HesiodMap.POBOX, () -> HesiodMap.POBOX.parse(a.pobox()), a.line(), file,
                    what + ": pobox");
            if (pobox != null) {
                records.add(new ZoneRecord(POBOX, a.name(), a.name() + ".pobox", "TXT", pobox));
            }
        }
    }

    /** Builds the entry, formats it, parses it back with the map's parser: the payload, or null and a problem. */
    private String validated(HesiodMap map, java.util.function.Supplier<HesiodEntry> entry, int line, String file,
                             String what) {
        try {
            String payload = entry.get().format();
            String reparsed = map.parse(payload).format();
            if (!reparsed.equals(payload)) {
                throw new HesiodFormatException("'" + payload + "' does not read back as itself");
            }
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_TXT_PAYLOAD) {
                throw new HesiodFormatException(map + " record is longer than a TXT record can be ("
                        + MAX_TXT_PAYLOAD + " bytes)");
            }
            return payload;
        } catch (HesiodFormatException e) {
            problems.add(new ZoneProblem(file, line, what + ": " + e.getMessage()));
            return null;
        }
    }

    private void checkKey(String key, String file, int line, String what, String role) {
        boolean ok = KEY.matcher(key).matches() && !key.contains("..");
        if (ok) {
            for (String label : key.split("\\.")) {
                ok &= label.length() <= 63;
            }
        }
        if (!ok) {
            problems.add(new ZoneProblem(file, line, what + ": " + role
                    + " must be letters, digits, '_', '-' or inner '.' (DNS labels of at most 63 characters)"));
        }
    }

    private void accountProblem(Account a, String message) {
        problems.add(new ZoneProblem(source.accountsFile(), a.line(), "account '" + a.name() + "': " + message));
    }

    private void groupProblem(Group g, String message) {
        problems.add(new ZoneProblem(source.groupsFile(), g.line(), "group '" + g.name() + "': " + message));
    }
}
