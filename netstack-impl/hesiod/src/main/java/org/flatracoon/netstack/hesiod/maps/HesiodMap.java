package org.flatracoon.netstack.hesiod.maps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Hesiod maps (the label right under the zone apex, as in {@code jdoe.passwd.ns.example.org}).
 * The maps with a known layout validate their payload; the others are accepted as free text.
 */
public enum HesiodMap {
    PASSWD("passwd", PasswdEntry::parse),
    /** {@code <uid>.uid}: same layout as passwd, usually a CNAME to the passwd entry. */
    UID("uid", PasswdEntry::parse),
    GROUP("group", GroupEntry::parse),
    /** {@code <gid>.gid}: same layout as group, usually a CNAME to the group entry. */
    GID("gid", GroupEntry::parse),
    GRPLIST("grplist", GrplistEntry::parse),
    FILSYS("filsys", FilsysEntry::parse),
    POBOX("pobox", PoboxEntry::parse),
    SERVICE("service", ServiceEntry::parse),
    SLOC("sloc", FreeText::parse),
    CLUSTER("cluster", FreeText::parse),
    PCAP("pcap", FreeText::parse),
    PRCLUSTER("prcluster", FreeText::parse),
    PRCLUSTERLIST("prclusterlist", FreeText::parse),
    PROTOCOL("protocol", FreeText::parse),
    RHS_EXTENSION("rhs-extension", FreeText::parse);

    private static final Map<String, HesiodMap> BY_LABEL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(HesiodMap::label, m -> m));

    private final String label;
    private final Function<String, ? extends HesiodEntry> parser;

    HesiodMap(String label, Function<String, ? extends HesiodEntry> parser) {
        this.label = label;
        this.parser = parser;
    }

    /** The DNS label of this map, e.g. {@code passwd}. */
    public String label() {
        return label;
    }

    /** DNS labels are case-insensitive (RFC 4343), so {@code PASSWD} names the passwd map too. */
    public static Optional<HesiodMap> fromLabel(String label) {
        return Optional.ofNullable(BY_LABEL.get(label.toLowerCase(Locale.ROOT)));
    }

    /** Parses and validates a TXT payload of this map. */
    public HesiodEntry parse(String txt) {
        return parser.apply(txt);
    }

    @Override
    public String toString() {
        return label;
    }
}
