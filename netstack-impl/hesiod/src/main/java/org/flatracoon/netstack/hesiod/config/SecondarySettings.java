package org.flatracoon.netstack.hesiod.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;
import org.xbill.DNS.Name;

/**
 * Where a secondary zone comes from.
 *
 * @param name       the zone apex
 * @param primary    the primary server (port 53 unless given)
 * @param primaryKey TSIG key to sign SOA queries and transfers with, if any
 * @param dclass     the class the zone is transferred in (HS or IN); it is served in both
 * @param refreshMax if present, an upper bound on the SOA refresh and retry timers (for labs)
 */
public record SecondarySettings(Name name, InetSocketAddress primary, Optional<TsigKey> primaryKey, int dclass,
                                Optional<Duration> refreshMax) {
    public SecondarySettings {
        Objects.requireNonNull(name);
        Objects.requireNonNull(primary);
    }
}
