package org.flatracoon.netstack.hesiod.zone;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Name;

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

    /** The zones, most specific apex first. */
    public List<HesiodZone> all() {
        return zones;
    }
}
