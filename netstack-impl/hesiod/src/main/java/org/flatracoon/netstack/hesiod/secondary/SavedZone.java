package org.flatracoon.netstack.hesiod.secondary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A secondary zone's copy in state-dir ({@code <apex>.secondary.zone}), a master file with absolute names in
 * class HS, written after each successful transfer (temporary file, fsync, rename) so that a restart serves
 * it at once.
 */
public final class SavedZone {
    private static final Logger LOG = LoggerFactory.getLogger(SavedZone.class);

    private SavedZone() {
    }

    public static Path fileFor(Path stateDir, Name apex) {
        return stateDir.resolve(apex.toString(true).replaceAll("[^A-Za-z0-9._-]", "_") + ".secondary.zone");
    }

    public static void save(Path file, HesiodZone zone, String from) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("; secondary copy of ").append(zone.apex()).append(" serial ").append(zone.serial())
                .append(", transferred from ").append(from).append(" at ").append(Instant.now()).append('\n');
        for (Record r : zone.records()) {
            text.append(r).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The saved copy if there is a valid one for {@code apex}; a bad copy is logged and ignored (AXFR instead). */
    public static Optional<HesiodZone> load(Path file, Name apex) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            HesiodZone zone = ZoneLoader.load(file);
            if (!zone.apex().equals(apex)) {
                LOG.warn("{}: holds zone {}, not {}; ignored", file, zone.apex(), apex);
                return Optional.empty();
            }
            return Optional.of(zone);
        } catch (ZoneLoadException e) {
            LOG.warn("{}: saved copy unusable, ignored (will transfer the zone again):\n{}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
