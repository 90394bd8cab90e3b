package org.flatracoon.netstack.hesiod.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;

/**
 * One primary zone from the configuration.
 *
 * @param file          the zone file
 * @param line          where the zone is configured, for messages
 * @param notifyTargets secondaries to NOTIFY after every change
 * @param allowTransfer who may AXFR/IXFR (empty: nobody)
 * @param transferKey   if present, transfers must also be signed with it
 * @param updateKey     if absent, every UPDATE is refused
 */
public record ZoneSettings(Path file, int line, List<InetSocketAddress> notifyTargets, AddressAcl allowTransfer,
                           Optional<TsigKey> transferKey, Optional<TsigKey> updateKey) {

    public ZoneSettings {
        notifyTargets = List.copyOf(notifyTargets);
    }

    /** A zone from {@code --zone FILE}: no transfers, no updates, no notifies. */
    public static ZoneSettings staticZone(Path file) {
        return new ZoneSettings(file, 0, List.of(), AddressAcl.nobody(), Optional.empty(), Optional.empty());
    }
}
