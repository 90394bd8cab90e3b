package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.config.HesiodConfig;
import org.flatracoon.netstack.hesiod.config.ZoneSettings;
import org.flatracoon.netstack.hesiod.journal.ZoneJournal;
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
            try {
                HesiodZone zone = ZoneLoader.load(settings.file());
                if (set.byApex.containsKey(zone.apex())) {
                    problems.add(ZoneProblem.ofFile(zone.source(), "zone " + zone.apex() + " is already loaded from "
                            + set.byApex.get(zone.apex()).zone().source()));
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
        byApex.put(zone.zone().apex(), zone);
    }

    /** Rebuilds the query view from each zone's current snapshot; synchronised so that the last rebuild wins. */
    synchronized void refresh() {
        queryView.set(new HesiodZones(zones.stream().map(ServedZone::zone).toList()));
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
