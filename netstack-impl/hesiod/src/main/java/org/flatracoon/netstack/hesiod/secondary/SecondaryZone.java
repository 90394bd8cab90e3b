package org.flatracoon.netstack.hesiod.secondary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.hesiod.config.SecondarySettings;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Serial;

/**
 * Keeps one secondary zone fresh. One refresh at a time per zone; a NOTIFY that arrives during a refresh
 * makes it run again right after. A refresh: (if we have data) ask the primary's SOA serial; if it is newer by
 * RFC 1982 arithmetic, IXFR from our serial (the primary may send the whole zone; a failed IXFR is retried as
 * AXFR), check the result like a zone file, swap it in, save it in state-dir, then tell our own secondaries.
 * Next refresh after the SOA refresh time; after a failure, the SOA retry time (or 1, 2, 4 … s while we have
 * no data yet); past the SOA expire time without reaching the primary the zone is no longer served.
 */
public final class SecondaryZone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecondaryZone.class);

    /** What the server wants to hear about. */
    public interface Listener {
        /** One transfer attempt: type AXFR/IXFR, result applied / uptodate / rejected / failed. */
        void transferIn(String type, String result);

        /** A new version is served. */
        void changed();
    }

    private final SecondarySettings settings;
    private final SecondaryTarget target;
    private final TransferClient client;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final Path savedCopy;
    private final RefreshTimers timers;
    private final Object lock = new Object();
    private ScheduledFuture<?> next; // guarded by lock
    private boolean running;         // guarded by lock
    private boolean again;           // guarded by lock
    private boolean closed;          // guarded by lock
    private int failures;            // only touched by the refresh in progress
    private long lastContactNanos = System.nanoTime();
    private volatile String lastError = "";

    public SecondaryZone(SecondarySettings settings, SecondaryTarget target, TransferClient client,
                         ScheduledExecutorService scheduler, Listener listener, Path savedCopy) {
        this.settings = settings;
        this.target = target;
        this.client = client;
        this.scheduler = scheduler;
        this.listener = listener;
        this.savedCopy = savedCopy;
        this.timers = new RefreshTimers(settings.refreshMax());
    }

    /** First refresh now (a zone served from its saved copy is checked against the primary at once). */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** A NOTIFY from the primary (already checked): refresh now, or right after the refresh under way. */
    public void notified() {
        synchronized (lock) {
            if (running) {
                again = true;
                return;
            }
            schedule(Duration.ZERO);
        }
    }

    public SecondarySettings settings() {
        return settings;
    }

    /** Why the last attempt failed, empty after a success. */
    public String lastError() {
        return lastError;
    }

    private void schedule(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            try {
                next = scheduler.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                closed = true;
            }
        }
    }

    private void run() {
        synchronized (lock) {
            if (running) {
                again = true;
                return;
            }
            running = true;
        }
        Duration delay = timers.initialBackoff(1);
        try {
            delay = refresh();
        } catch (RuntimeException e) {
            LOG.warn("{}: refresh failed: {}", settings.name(), e.toString());
        } finally {
            // Under the lock, so a NOTIFY arriving now either sees the refresh running (and asks
            // for another) or comes after this timer is set (and replaces it): never lost.
            synchronized (lock) {
                running = false;
                if (again) {
                    again = false;
                    delay = Duration.ZERO;
                }
                schedule(delay);
            }
        }
    }

    /** One refresh; returns when to do the next one. */
    private Duration refresh() {
        Optional<HesiodZone> current = target.current();
        String type = current.isPresent() ? "IXFR" : "AXFR";
        try {
            if (current.isPresent()) {
                long primarySerial = client.soaSerial();
                long ours = current.get().serial();
                if (Serial.compare(primarySerial, ours) <= 0) {
                    if (primarySerial != ours) {
                        LOG.warn("{}: primary {} has serial {}, older than ours ({}); keeping ours", settings.name(),
                                settings.primary(), primarySerial, ours);
                    }
                    return succeeded(current.get());
                }
            }
            Transfer transfer = client.transfer(current.isPresent()
                    ? OptionalLong.of(current.get().serial()) : OptionalLong.empty());
            type = transfer.type();
            if (transfer instanceof Transfer.UpToDate) {
                listener.transferIn(type, "uptodate");
                return current.map(this::succeeded).orElseGet(() -> failed("primary sent nothing"));
            }
            String source = transfer.type() + " of " + settings.name() + " from " + settings.primary();
            TransferApplier.Applied applied = TransferApplier.apply(settings.name(), current, target.history(),
                    transfer, source);
            save(applied.zone());
            // Counted before it is served: whoever sees the new data also sees the transfer counted.
            listener.transferIn(type, "applied");
            target.install(applied.zone(), applied.history());
            LOG.info("{}: {} applied, now serial {} ({} records)", settings.name(), transfer.type(),
                    applied.zone().serial(), applied.zone().recordCount());
            listener.changed();
            return succeeded(applied.zone());
        } catch (ZoneLoadException e) {
            // The state first, then the news: a listener that hears "rejected" can read why.
            Duration next = failed("transfer rejected: " + e.getMessage());
            listener.transferIn(type, "rejected");
            LOG.warn("{}: transfer from {} rejected, still serving {}:\n{}", settings.name(), settings.primary(),
                    current.map(z -> "serial " + z.serial()).orElse("nothing"), e.getMessage());
            return next;
        } catch (IOException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            Duration next = failed(why);
            listener.transferIn(type, "failed");
            LOG.warn("{}: refresh from {} failed: {}", settings.name(), settings.primary(), why);
            return next;
        }
    }

    private void save(HesiodZone zone) {
        if (savedCopy == null) {
            return;
        }
        try {
            SavedZone.save(savedCopy, zone, settings.primary().toString());
        } catch (IOException e) {
            LOG.warn("{}: cannot save the transferred zone to {}: {}", settings.name(), savedCopy, e.toString());
        }
    }

    private Duration succeeded(HesiodZone zone) {
        failures = 0;
        lastError = "";
        lastContactNanos = System.nanoTime();
        return timers.refresh(zone.soa(DClass.HS));
    }

    private Duration failed(String why) {
        failures++;
        lastError = why == null ? "unknown error" : why;
        Optional<HesiodZone> current = target.current();
        if (current.isEmpty()) {
            return timers.initialBackoff(failures);
        }
        SOARecord soa = current.get().soa(DClass.HS);
        if (System.nanoTime() - lastContactNanos > timers.expire(soa).toNanos()) {
            LOG.warn("{}: expired (no contact with {} for {} s); no longer served", settings.name(),
                    settings.primary(), soa.getExpire());
            target.expire();
            failures = 1;
            return timers.initialBackoff(failures);
        }
        return timers.retry(soa);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
