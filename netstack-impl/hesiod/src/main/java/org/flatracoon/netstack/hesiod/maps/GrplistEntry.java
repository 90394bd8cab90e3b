package org.flatracoon.netstack.hesiod.maps;

import java.util.ArrayList;
import java.util.List;

/** A {@code grplist} map entry (the groups of one user): {@code group:gid[:group:gid…]}. */
public record GrplistEntry(List<Membership> groups) implements HesiodEntry {

    /** One group the user belongs to. */
    public record Membership(String group, long gid) {
        public Membership {
            Fields.requireNonEmpty(group, "group name");
            Fields.requireWithout(group, ":", "group name");
            Fields.checkUnsigned32(gid, "gid");
        }
    }

    public GrplistEntry {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new HesiodFormatException("empty grplist");
        }
    }

    public static GrplistEntry parse(String txt) {
        String[] f = Fields.splitKeepingEmpty(txt, ':');
        if (f.length % 2 != 0) {
            throw new HesiodFormatException("expected group:gid pairs, got " + f.length + " fields");
        }
        List<Membership> groups = new ArrayList<>();
        for (int i = 0; i < f.length; i += 2) {
            groups.add(new Membership(f[i], Fields.unsigned32(f[i + 1], "gid")));
        }
        return new GrplistEntry(groups);
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Membership m : groups) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(m.group()).append(':').append(m.gid());
        }
        return sb.toString();
    }
}
