package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.config.ZoneSettings;
import org.flatracoon.netstack.hesiod.journal.ZoneJournal;
import org.flatracoon.netstack.hesiod.secondary.SecondaryTarget;
import org.flatracoon.netstack.hesiod.secondary.SecondaryZone;
import org.flatracoon.netstack.hesiod.update.UpdateResult;
import org.flatracoon.netstack.hesiod.update.UpdateProcessor;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Serial;

/**
 * One zone we serve, while the server runs. Its content is an immutable snapshot (zone + history) replaced
 * atomically, copy-on-write, by each update, reload or transfer: queries and transfers read a snapshot without
 * locks and never see half a change. Changes are serialised by a lock, and journaled (fsync) before the swap.
 * A secondary zone has no snapshot until its first transfer (its queries get SERVFAIL).
 */
final class ServedZone implements SecondaryTarget {
    /** The zone and the changes that led to it, always consistent with each other. */
    record Snapshot(HesiodZone zone, ZoneHistory history) {
    }

    private final ZoneSettings settings;
    private final Name apex;
    private ZoneJournal journal; // guarded by updateLock (replaced by a reload)
    private final AtomicReference<Snapshot> current;
    private final Runnable onChange;
    private final Object updateLock = new Object();
    private volatile SecondaryZone secondary;

    ServedZone(ZoneSettings settings, ZoneJournal journal, Snapshot initial, Runnable onChange) {
        this(settings, initial.zone().apex(), journal, initial, onChange);
    }

    ServedZone(ZoneSettings settings, Name apex, ZoneJournal journal, Snapshot initial, Runnable onChange) {
        this.settings = settings;
        this.apex = apex;
        this.journal = journal;
        this.current = new AtomicReference<>(initial);
        this.onChange = onChange;
    }

    /** The current snapshot, or null if a secondary zone has no data. */
    Snapshot snapshot() {
        return current.get();
    }

    /** The current zone, or null if a secondary zone has no data. */
    HesiodZone served() {
        Snapshot s = current.get();
        return s == null ? null : s.zone();
    }

    /** The current zone; only for zones known to be loaded (primary zones always are). */
    HesiodZone zone() {
        return current.get().zone();
    }

    boolean loaded() {
        return current.get() != null;
    }

    Name apex() {
        return apex;
    }

    ZoneSettings settings() {
        return settings;
    }

    String role() {
        return settings.isSecondary() ? "secondary" : "primary";
    }

    Optional<SecondaryZone> secondary() {
        return Optional.ofNullable(secondary);
    }

    void attach(SecondaryZone refresher) {
        this.secondary = refresher;
    }

    /**
     * Applies an authorised UPDATE. When this returns with a change, the change is on disk and visible to
     * queries, so the client may be told NOERROR.
     */
    UpdateResult update(Message update, int dclass) {
        synchronized (updateLock) {
            Snapshot before = current.get();
            if (before == null || journal == null) {
                return new UpdateResult(Rcode.REFUSED, null, null, "no journal for this zone");
            }
            UpdateResult result = UpdateProcessor.apply(before.zone(), update, dclass);
            if (result.change().isEmpty()) {
                return result;
            }
            ZoneDelta delta = result.delta();
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

    /** What {@link #reload} did. */
    record ReloadOutcome(String result, long serial, String message) {
    }

    /**
     * Replaces the zone with {@code fresh} (just read from the zone file) if its serial is greater than the
     * served one (RFC 1982); the journal then restarts at the file's serial (the old one is kept as
     * {@code .jnl.old}). Otherwise nothing changes.
     */
    ReloadOutcome reload(HesiodZone fresh) {
        synchronized (updateLock) {
            Snapshot before = current.get();
            long served = before.zone().serial();
            if (!fresh.apex().equals(apex)) {
                return new ReloadOutcome("failed", served, "the file now holds zone " + fresh.apex() + ", not "
                        + apex + "; restart the server to change its zones");
            }
            if (Serial.compare(fresh.serial(), served) <= 0) {
                return new ReloadOutcome("unchanged", served, "serial " + fresh.serial() + " in the file is not"
                        + " greater than the served serial " + served + (fresh.serial() == served ? "" : " (RFC 1982)")
                        + "; zone left as is");
            }
            if (journal != null) {
                Path file = journal.file();
                try {
                    if (Files.exists(file)) {
                        Files.move(file, file.resolveSibling(file.getFileName() + ".old"),
                                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    return new ReloadOutcome("failed", served, "cannot move the journal " + file + " aside: " + e);
                }
                try {
                    journal.close();
                } catch (IOException e) {
                    // the file is moved aside already; nothing more to lose
                }
                journal = ZoneJournal.startingAt(file, fresh.serial());
            }
            current.set(new Snapshot(fresh, before.history().plus(ZoneDelta.between(before.zone(), fresh))));
            onChange.run();
            return new ReloadOutcome("reloaded", fresh.serial(), "serial " + served + " -> " + fresh.serial());
        }
    }

    // SecondaryTarget

    @Override
    public Optional<HesiodZone> current() {
        return Optional.ofNullable(served());
    }

    @Override
    public ZoneHistory history() {
        Snapshot s = current.get();
        return s == null ? ZoneHistory.empty() : s.history();
    }

    @Override
    public void install(HesiodZone zone, ZoneHistory history) {
        synchronized (updateLock) {
            current.set(new Snapshot(zone, history));
            onChange.run();
        }
    }

    @Override
    public void expire() {
        synchronized (updateLock) {
            current.set(null);
            onChange.run();
        }
    }

    void close() throws IOException {
        SecondaryZone s = secondary;
        if (s != null) {
            s.close();
        }
        synchronized (updateLock) {
            if (journal != null) {
                journal.close();
            }
        }
    }
}
