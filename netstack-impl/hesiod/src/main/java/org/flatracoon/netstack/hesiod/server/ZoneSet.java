package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.config.HesiodConfig;
import org.flatracoon.netstack.hesiod.config.ZoneSettings;
import org.flatracoon.netstack.hesiod.journal.ZoneJournal;
import org.flatracoon.netstack.hesiod.secondary.SavedZone;
import org.flatracoon.netstack.hesiod.secondary.SecondaryZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The served zones, and the {@link HesiodZones} snapshot that queries read; it is rebuilt and swapped
 * whenever one zone changes.
 */
final class ZoneSet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneSet.class);

    private final List<ServedZone> zones = new ArrayList<>();
    private final Map<Name, ServedZone> byApex = new HashMap<>();
    private volatile List<Name> unloaded = List.of();
    private final AtomicReference<HesiodZones> queryView = new AtomicReference<>(new HesiodZones(List.of()));

    private ZoneSet() {
    }

    /** Zones given already loaded, without journal: static serving, as with {@code --zone}. */
    static ZoneSet ofStatic(HesiodZones loaded) {
        ZoneSet set = new ZoneSet();
        for (HesiodZone zone : loaded.all()) {
            set.add(new ServedZone(ZoneSettings.staticZone(Path.of(zone.source())), null,
                    new ServedZone.Snapshot(zone, ZoneHistory.empty()), set::refresh));
        }
        set.refresh();
        return set;
    }

    /**
     * Loads every configured zone, then replays its journal. All problems of all zones are reported together.
     */
    static ZoneSet open(HesiodConfig config) throws ZoneLoadException {
        List<ZoneProblem> problems = new ArrayList<>();
        ZoneSet set = new ZoneSet();
        if (config.stateDir() != null) {
            try {
                Files.createDirectories(config.stateDir());
            } catch (IOException e) {
                problems.add(ZoneProblem.ofFile(config.source().toString(),
                        "cannot create state-dir " + config.stateDir() + ": " + e));
            }
        }
        for (ZoneSettings settings : config.zones()) {
            if (settings.isSecondary()) {
                Name apex = settings.secondary().get().name();
                if (set.byApex.containsKey(apex)) {
                    problems.add(new ZoneProblem(config.source().toString(), settings.line(), "zone " + apex
                            + " is configured twice"));
                    continue;
                }
                Path saved = config.stateDir() == null ? null : SavedZone.fileFor(config.stateDir(), apex);
                ServedZone.Snapshot initial = saved == null ? null : SavedZone.load(saved, apex)
                        .map(z -> new ServedZone.Snapshot(z, ZoneHistory.empty())).orElse(null);
                if (initial != null) {
                    LOG.info("{}: serving the saved copy {} (serial {}) until the primary is reached", apex, saved,
                            initial.zone().serial());
                }
                set.add(new ServedZone(settings, apex, null, initial, set::refresh));
                continue;
            }
            try {
                HesiodZone zone = ZoneLoader.load(settings.file());
                if (set.byApex.containsKey(zone.apex())) {
                    ServedZone other = set.byApex.get(zone.apex());
                    problems.add(ZoneProblem.ofFile(zone.source(), "zone " + zone.apex() + " is already "
                            + (other.settings().isSecondary() ? "configured as a secondary zone"
                            : "loaded from " + other.zone().source())));
                    continue;
                }
                set.add(withJournal(config.stateDir(), settings, zone, set));
            } catch (ZoneLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            set.close();
            throw new ZoneLoadException(problems);
        }
        set.refresh();
        return set;
    }

    private static ServedZone withJournal(Path stateDir, ZoneSettings settings, HesiodZone zone, ZoneSet set)
            throws ZoneLoadException {
        if (stateDir == null) {
            return new ServedZone(settings, null, new ServedZone.Snapshot(zone, ZoneHistory.empty()), set::refresh);
        }
        Path file = stateDir.resolve(journalName(zone.apex()));
        if (!Files.exists(file)) {
            return new ServedZone(settings, ZoneJournal.startingAt(file, zone.serial()),
                    new ServedZone.Snapshot(zone, ZoneHistory.empty()), set::refresh);
        }
        ZoneJournal.Opened opened;
        try {
            opened = ZoneJournal.open(file);
        } catch (IOException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(file.toString(), "cannot read journal: "
                    + e.getMessage())));
        }
        try {
            if (opened.journal().baseSerial() != zone.serial()) {
                throw problem(file, "journal starts at serial " + opened.journal().baseSerial() + " but "
                        + settings.file() + " has serial " + zone.serial() + "; the zone file was changed behind"
                        + " the journal's back: move the journal away to serve the file as it is");
            }
            HesiodZone replayed = zone;
            for (ZoneDelta delta : opened.contents().deltas()) {
                if (delta.fromSerial() != replayed.serial()) {
                    throw problem(file, "change to serial " + delta.toSerial() + " follows serial "
                            + delta.fromSerial() + ", not " + replayed.serial());
                }
                replayed = HesiodZone.fromRecords(zone.source(), delta.applyTo(replayed));
            }
            if (!opened.contents().deltas().isEmpty()) {
                LOG.info("{}: replayed {} changes from {}, now at serial {}", zone.apex(),
                        opened.contents().deltas().size(), file, replayed.serial());
            }
            return new ServedZone(settings, opened.journal(),
                    new ServedZone.Snapshot(replayed, ZoneHistory.of(opened.contents().deltas())), set::refresh);
        } catch (ZoneLoadException e) {
            closeQuietly(opened.journal());
            throw e;
        }
    }

    private static ZoneLoadException problem(Path file, String message) {
        return new ZoneLoadException(List.of(ZoneProblem.ofFile(file.toString(), message)));
    }

    /** {@code ns.example.org.jnl}; anything unusual in a file name is replaced. */
    static String journalName(Name apex) {
        return apex.toString(true).replaceAll("[^A-Za-z0-9._-]", "_") + ".jnl";
    }

    private void add(ServedZone zone) {
        zones.add(zone);
        byApex.put(zone.apex(), zone);
    }

    /** Rebuilds the query view from each zone's current snapshot; synchronised so that the last rebuild wins. */
    synchronized void refresh() {
        queryView.set(new HesiodZones(zones.stream().map(ServedZone::served).filter(Objects::nonNull).toList()));
        unloaded = zones.stream().filter(z -> !z.loaded()).map(ServedZone::apex).toList();
    }

    /** True if {@code name} is in a secondary zone that has no data now (its queries get SERVFAIL). */
    boolean inUnloadedZone(Name name) {
        List<Name> apexes = unloaded;
        for (Name apex : apexes) {
            if (name.subdomain(apex)) {
                return true;
            }
        }
        return false;
    }

    boolean hasUnloaded() {
        return !unloaded.isEmpty();
    }

    /**
     * Re-reads every primary zone's file (see {@link ServedZone#reload}); a file with problems changes nothing.
     * Secondary zones are asked to refresh from their primary now.
     */
    List<ReloadReport.ZoneReload> reload() {
        List<ReloadReport.ZoneReload> results = new ArrayList<>();
        for (ServedZone zone : zones) {
            String name = zone.apex().toString();
            if (zone.settings().isSecondary()) {
                zone.secondary().ifPresent(SecondaryZone::notified);
                results.add(new ReloadReport.ZoneReload(name, null, "refresh", zone.loaded() ? zone.zone().serial()
                        : 0, "secondary zone: refresh from the primary scheduled", List.of()));
                continue;
            }
            Path file = zone.settings().file();
            HesiodZone fresh;
            try {
                fresh = ZoneLoader.load(file);
            } catch (ZoneLoadException e) {
                results.add(new ReloadReport.ZoneReload(name, file.toString(), "failed", zone.zone().serial(),
                        "the file has problems; the served zone is unchanged",
                        e.problems().stream().map(ZoneProblem::toString).toList()));
                continue;
            }
            ServedZone.ReloadOutcome outcome = zone.reload(fresh);
            results.add(new ReloadReport.ZoneReload(name, file.toString(), outcome.result(), outcome.serial(),
                    outcome.message(), List.of()));
        }
        return results;
    }

    HesiodZones queryView() {
        return queryView.get();
    }

    Optional<ServedZone> byApex(Name apex) {
        return Optional.ofNullable(byApex.get(apex));
    }

    List<ServedZone> all() {
        return zones;
    }

    private static void closeQuietly(ZoneJournal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.debug("closing journal: {}", e.toString());
        }
    }

    @Override
    public void close() {
        for (ServedZone zone : zones) {
            try {
                zone.close();
            } catch (IOException e) {
                LOG.debug("closing journal: {}", e.toString());
            }
        }
    }
}
