package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.config.ZoneSettings;
import org.flatracoon.netstack.hesiod.journal.ZoneJournal;
import org.flatracoon.netstack.hesiod.update.UpdateResult;
import org.flatracoon.netstack.hesiod.update.UpdateProcessor;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * One zone we are primary for, while the server runs. Its content is an immutable snapshot (zone + history)
 * replaced atomically, copy-on-write, by each update: queries and transfers read a snapshot without locks
 * and never see half an update. Updates are serialised by a lock, and journaled (fsync) before the swap.
 */
final class ServedZone {
    /** The zone and the changes that led to it, always consistent with each other. */
    record Snapshot(HesiodZone zone, ZoneHistory history) {
    }

    private final ZoneSettings settings;
    private final ZoneJournal journal;
    private final AtomicReference<Snapshot> current;
    private final Runnable onChange;
    private final Object updateLock = new Object();

    ServedZone(ZoneSettings settings, ZoneJournal journal, Snapshot initial, Runnable onChange) {
        this.settings = settings;
        this.journal = journal;
        this.current = new AtomicReference<>(initial);
        this.onChange = onChange;
    }

    Snapshot snapshot() {
        return current.get();
    }

    HesiodZone zone() {
        return current.get().zone();
    }

    ZoneSettings settings() {
        return settings;
    }

    /**
     * Applies an authorised UPDATE. When this returns with a change, the change is on disk and visible to
     * queries, so the client may be told NOERROR.
     */
    UpdateResult update(Message update, int dclass) {
        synchronized (updateLock) {
            Snapshot before = current.get();
            UpdateResult result = UpdateProcessor.apply(before.zone(), update, dclass);
            if (result.change().isEmpty()) {
                return result;
            }
            ZoneDelta delta = result.delta();
            if (journal == null) {
                return new UpdateResult(Rcode.REFUSED, null, null, "no journal for this zone");
            }
            try {
                journal.append(delta);
            } catch (IOException e) {
                return new UpdateResult(Rcode.SERVFAIL, null, null, "cannot write the journal " + journal.file()
                        + ": " + e.getMessage());
            }
            current.set(new Snapshot(result.zone(), before.history().plus(delta)));
            onChange.run();
            return result;
        }
    }

    void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}
