package org.flatracoon.netstack.hesiod.secondary;

import java.util.Optional;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;

/** Where a secondary zone's data is served from: the server's zone slot, swapped atomically. */
public interface SecondaryTarget {
    /** The zone as served now; empty before the first transfer (queries get SERVFAIL) or after expiry. */
    Optional<HesiodZone> current();

    /** The changes that led to {@link #current()} (for IXFR to our own secondaries). */
    ZoneHistory history();

    /** Replaces the served zone in one step: queries see the old zone or the new one, never a mix. */
    void install(HesiodZone zone, ZoneHistory history);

    /** Stops serving the zone (SOA expire passed without reaching the primary). */
    void expire();
}
