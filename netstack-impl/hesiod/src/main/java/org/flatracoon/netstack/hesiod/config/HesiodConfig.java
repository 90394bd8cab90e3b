package org.flatracoon.netstack.hesiod.config;

import java.nio.file.Path;
import java.util.List;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;

/**
 * The server configuration file, checked: where journals live, the TSIG keys, and the zones.
 *
 * @param source   the configuration file, for messages
 * @param stateDir where the zones' journals are kept
 */
public record HesiodConfig(Path source, Path stateDir, List<TsigKey> keys, List<ZoneSettings> zones) {
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/netstack/hesiod");

    public HesiodConfig {
        keys = List.copyOf(keys);
        zones = List.copyOf(zones);
    }

    /** For {@code --zone FILE…}: static zones only, and no journal. */
    public static HesiodConfig staticZones(List<Path> files) {
        return new HesiodConfig(Path.of("command line"), null, List.of(),
                files.stream().map(ZoneSettings::staticZone).toList());
    }
}
