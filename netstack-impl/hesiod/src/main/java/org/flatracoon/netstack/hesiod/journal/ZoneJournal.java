package org.flatracoon.netstack.hesiod.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zone's change journal on disk. {@link #append} returns only once the change is on stable storage
 * (fsync), so a change that was acknowledged to a client survives a crash of the server or the host.
 * Not thread-safe: the zone's update lock serialises appends.
 */
public final class ZoneJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneJournal.class);

    private final Path file;
    private final long baseSerial;
    private FileChannel channel;

    private ZoneJournal(Path file, long baseSerial, FileChannel channel) {
        this.file = file;
        this.baseSerial = baseSerial;
        this.channel = channel;
    }

    /** A journal that has no file yet; the file is created, starting at {@code baseSerial}, on the first append. */
    public static ZoneJournal startingAt(Path file, long baseSerial) {
        return new ZoneJournal(file, baseSerial, null);
    }

    /**
     * Reads an existing journal and opens it for appending. A torn last record is cut off, with a warning.
     *
     * @throws IOException if the file cannot be read or is not a journal
     */
    public static Opened open(Path file) throws IOException {
        JournalCodec.Contents contents = JournalCodec.decode(Files.readAllBytes(file));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (contents.problem() != null) {
            LOG.warn("journal {}: dropping {} (a change that was never acknowledged)", file, contents.problem());
            channel.truncate(contents.validLength());
            channel.force(true);
        }
        channel.position(contents.validLength());
        return new Opened(new ZoneJournal(file, contents.baseSerial(), channel), contents);
    }

    /** An opened journal and what it held. */
    public record Opened(ZoneJournal journal, JournalCodec.Contents contents) {
    }

    public long baseSerial() {
        return baseSerial;
    }

    public Path file() {
        return file;
    }

    /** Writes one change and waits until it is on disk. */
    public void append(ZoneDelta delta) throws IOException {
        if (channel == null) {
            create();
        }
        ByteBuffer record = ByteBuffer.wrap(JournalCodec.encode(delta));
        long start = channel.position();
        try {
            while (record.hasRemaining()) {
                channel.write(record);
            }
            channel.force(false);
        } catch (IOException e) {
            // leave no half record behind for the next append to follow
            channel.truncate(start);
            channel.position(start);
            throw e;
        }
    }

    private void create() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        FileChannel created = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        created.write(ByteBuffer.wrap(JournalCodec.header(baseSerial)));
        created.force(true);
        syncDirectory(dir); // the new directory entry must survive a crash too
        channel = created;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString()); // not possible on every platform
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
