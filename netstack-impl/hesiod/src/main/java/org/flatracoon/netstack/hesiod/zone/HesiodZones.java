package org.flatracoon.netstack.hesiod.zone;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The zones a server is authoritative for. A query goes to the zone with the longest matching apex. */
public final class HesiodZones {
    private final List<HesiodZone> zones;

    public HesiodZones(List<HesiodZone> zones) {
        this.zones = zones.stream()
                .sorted(Comparator.comparingInt((HesiodZone z) -> z.apex().labels()).reversed())
                .toList();
    }

    public static HesiodZones of(HesiodZone... zones) {
        return new HesiodZones(List.of(zones));
    }

    public Optional<HesiodZone> zoneFor(Name name) {
        for (HesiodZone zone : zones) {
            if (zone.contains(name)) {
                return Optional.of(zone);
            }
        }
        return Optional.empty();
    }

    /**
     * The zone that answers {@code qtype} for {@code name}: {@link #zoneFor(Name)}, except that a DS query for
     * the apex of a zone goes to the enclosing zone if we serve that too, since the DS RRset lives on the parent
     * side of the cut (RFC 4035 §3.1.4.1).
     */
    public Optional<HesiodZone> zoneFor(Name name, int qtype) {
        Optional<HesiodZone> zone = zoneFor(name);
        if (qtype != Type.DS || zone.isEmpty() || !zone.get().apex().equals(name)) {
            return zone;
        }
        for (HesiodZone parent : zones) {
            if (parent != zone.get() && parent.contains(name)) {
                return Optional.of(parent);
            }
        }
        return zone;
    }

    /** The zones, most specific apex first. */
    public List<HesiodZone> all() {
        return zones;
    }
}
