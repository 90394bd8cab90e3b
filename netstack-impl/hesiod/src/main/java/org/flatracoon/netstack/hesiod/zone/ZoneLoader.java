package org.flatracoon.netstack.hesiod.zone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/** Loads Hesiod zones from master files, or explains everything that is wrong with them. */
public final class ZoneLoader {

    private ZoneLoader() {
    }

    /** Loads one zone file; relative names need a $ORIGIN in the file. */
    public static HesiodZone load(Path file) throws ZoneLoadException {
        return load(file, null);
    }

    /** Loads one zone file, with {@code origin} (absolute, may be null) as the initial origin. */
    public static HesiodZone load(Path file, Name origin) throws ZoneLoadException {
        String source = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(source, "no such file")));
        } catch (AccessDeniedException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(source, "permission denied")));
        } catch (IOException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(source, "cannot read: " + e.getMessage())));
        }
        return parse(source, content, origin);
    }

    /** Parses zone text, e.g. from a test; {@code source} names it in messages. */
    public static HesiodZone parse(String source, String text) throws ZoneLoadException {
        return parse(source, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static HesiodZone parse(String source, byte[] content, Name origin) throws ZoneLoadException {
        ZoneFileReader.Result read = ZoneFileReader.read(source, content, origin);
        ZoneValidator.Result checked = ZoneValidator.validate(source, read.records());
        List<ZoneProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(checked.problems());
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ZoneProblem::line));
            throw new ZoneLoadException(problems);
        }
        return HesiodZone.build(source, checked.apex(),
                read.records().stream().map(SourcedRecord::record).toList());
    }

    /** Loads several zone files; reports the problems of all of them, and two files claiming the same apex. */
    public static HesiodZones loadAll(List<Path> files) throws ZoneLoadException {
        List<ZoneProblem> problems = new ArrayList<>();
        List<HesiodZone> zones = new ArrayList<>();
        Map<Name, HesiodZone> byApex = new HashMap<>();
        for (Path file : files) {
            try {
                HesiodZone zone = load(file);
                HesiodZone earlier = byApex.putIfAbsent(zone.apex(), zone);
                if (earlier != null) {
                    problems.add(ZoneProblem.ofFile(zone.source(),
                            "zone " + zone.apex() + " is already loaded from " + earlier.source()));
                } else {
                    zones.add(zone);
                }
            } catch (ZoneLoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ZoneLoadException(problems);
        }
        return new HesiodZones(zones);
    }
}
