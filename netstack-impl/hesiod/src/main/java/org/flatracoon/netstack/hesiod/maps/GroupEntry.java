package org.flatracoon.netstack.hesiod.maps;

import java.util.Arrays;
import java.util.List;

/** A {@code group} (and {@code gid}) map entry: {@code name:pw:gid:member1,member2}; no members gives a trailing ':'. */
public record GroupEntry(String name, String password, long gid, List<String> members) implements HesiodEntry {

    private static final int FIELDS = 4;

    public GroupEntry {
        Fields.requireNonEmpty(name, "group name");
        Fields.requireWithout(name, ":", "group name");
        Fields.requireWithout(password, ":", "password");
        Fields.checkUnsigned32(gid, "gid");
        members = List.copyOf(members);
        for (String member : members) {
            Fields.requireNonEmpty(member, "member name in member list");
            Fields.requireWithout(member, ":,", "member name");
        }
    }

    public static GroupEntry parse(String txt) {
        String[] f = Fields.splitExactly(txt, ':', FIELDS);
        List<String> members = f[3].isEmpty() ? List.of() : Arrays.asList(Fields.splitKeepingEmpty(f[3], ','));
        return new GroupEntry(f[0], f[1], Fields.unsigned32(f[2], "gid"), members);
    }

    @Override
    public String format() {
        return String.join(":", name, password, Long.toString(gid), String.join(",", members));
    }
}
