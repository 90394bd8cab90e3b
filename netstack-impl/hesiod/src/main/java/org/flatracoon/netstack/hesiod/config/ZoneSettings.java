package org.flatracoon.netstack.hesiod.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;

/**
 * One zone from the configuration: a primary zone (read from {@code file}) or a secondary zone
 * ({@code secondary} present, {@code file} null: its data comes from the primary by zone transfer).
 *
 * @param file          the zone file (null for a secondary zone)
 * @param line          where the zone is configured, for messages
 * @param notifyTargets secondaries to NOTIFY after every change
 * @param allowTransfer who may AXFR/IXFR (empty: nobody)
 * @param transferKey   if present, transfers must also be signed with it
 * @param updateKey     if absent, every UPDATE is refused
 * @param secondary     present for a secondary zone
 */
public record ZoneSettings(Path file, int line, List<InetSocketAddress> notifyTargets, AddressAcl allowTransfer,
                           Optional<TsigKey> transferKey, Optional<TsigKey> updateKey,
                           Optional<SecondarySettings> secondary) {

    public ZoneSettings {
        notifyTargets = List.copyOf(notifyTargets);
        if ((file == null) == secondary.isEmpty()) {
            throw new IllegalArgumentException("a zone has either a file (primary) or a primary (secondary)");
        }
    }

    /** A primary zone. */
    public ZoneSettings(Path file, int line, List<InetSocketAddress> notifyTargets, AddressAcl allowTransfer,
                        Optional<TsigKey> transferKey, Optional<TsigKey> updateKey) {
        this(file, line, notifyTargets, allowTransfer, transferKey, updateKey, Optional.empty());
    }

    public boolean isSecondary() {
        return secondary.isPresent();
    }

    /** A zone from {@code --zone FILE}: no transfers, no updates, no notifies. */
    public static ZoneSettings staticZone(Path file) {
        return new ZoneSettings(file, 0, List.of(), AddressAcl.nobody(), Optional.empty(), Optional.empty());
    }
}
