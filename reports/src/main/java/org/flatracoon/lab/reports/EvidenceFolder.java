package org.flatracoon.lab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scenario's evidence folder. Attachment names come from step code and may be anything
 * ("../../etc/passwd", "", a 500-character sentence); they are sanitised so every file lands
 * directly inside this folder. Nothing here throws: a report must never fail the test run, so
 * I/O failures are collected in {@link #problems()} and shown in the report instead.
 * Not thread-safe: one scenario, one recorder, one folder.
 */
final class EvidenceFolder {

    static final String SCENARIO_JSON = "scenario.json";
    static final String LOG = "log.txt";

    /** Attachments may not take the names of the files the report itself writes. */
    private static final Set<String> RESERVED = Set.of(SCENARIO_JSON, LOG);

    private static final Map<String, String> EXTENSIONS = Map.of(
            "text/plain", ".txt",
            "application/json", ".json",
            "application/yaml", ".yaml",
            "application/x-yaml", ".yaml",
            "text/html", ".html",
            "application/vnd.tcpdump.pcap", ".pcap",
            "image/svg+xml", ".svg");

    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_ATTEMPTS = 1000;
    private static final Pattern EXTENSION = Pattern.compile("^(.+)(\\.[A-Za-z0-9]{1,10})$");

    private final Path dir;
    private final List<String> problems = new ArrayList<>();

    EvidenceFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot create evidence folder " + this.dir + ": " + e);
            return;
        }
        write(LOG, "", StandardOpenOption.APPEND); // always there, so links to it never break
    }

    Path dir() {
        return dir;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Saves an attachment under a sanitised, unused name; returns that name, or empty if it failed. */
    Optional<String> save(String name, String mediaType, byte[] data) {
        String fileName = fileName(name, mediaType);
        Matcher m = EXTENSION.matcher(fileName);
        String stem = m.matches() ? m.group(1) : fileName;
        String extension = m.matches() ? m.group(2) : "";
        for (int n = 1; n <= MAX_ATTEMPTS; n++) {
            String candidate = n == 1 ? fileName : stem + "-" + n + extension;
            if (RESERVED.contains(candidate.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<Path> target = inside(candidate);
            if (target.isEmpty()) {
                break;
            }
            try {
                // CREATE_NEW: never overwrite an earlier attachment, never follow a planted link.
                Files.write(target.get(), data == null ? new byte[0] : data,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return Optional.of(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            } catch (IOException | RuntimeException e) {
                problems.add("cannot save attachment '" + name + "' as " + candidate + ": " + e);
                return Optional.empty();
            }
        }
        problems.add("cannot save attachment '" + name + "': no usable file name");
        return Optional.empty();
    }

    void appendLog(String text) {
        String line = text == null ? "" : text;
        write(LOG, line.endsWith("\n") ? line : line + "\n", StandardOpenOption.APPEND);
    }

    void writeScenarioJson(String json) {
        write(SCENARIO_JSON, json, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void write(String fileName, String content, StandardOpenOption mode) {
        try {
            Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot write " + fileName + ": " + e);
        }
    }

    /** Belt and braces: even a sanitised name is resolved and checked to stay directly inside. */
    private Optional<Path> inside(String fileName) {
        try {
            Path target = dir.resolve(fileName).normalize();
            return dir.equals(target.getParent()) ? Optional.of(target) : Optional.empty();
        } catch (RuntimeException invalidPath) {
            return Optional.empty();
        }
    }

    /**
     * A file name made only of letters, digits, '.', '_' and '-', never starting with a dot
     * (no hidden files, no ".."), with an extension taken from the media type when it has none.
     */
    static String fileName(String name, String mediaType) {
        String safe = (name == null ? "" : name)
                .replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("-{3,}", "--") // "--" stays: capture files are named a-eth1--b-eth1.pcap
                .replaceAll("^[.-]+", "")
                .replaceAll("[.-]+$", "");
        if (safe.isEmpty()) {
            safe = "attachment";
        }
        Matcher m = EXTENSION.matcher(safe);
        String stem = m.matches() ? m.group(1) : safe;
        String extension = m.matches() ? m.group(2) : extensionFor(mediaType);
        if (stem.length() + extension.length() > MAX_NAME_LENGTH) {
            stem = stem.substring(0, MAX_NAME_LENGTH - extension.length());
        }
        return stem + extension;
    }

    static String extensionFor(String mediaType) {
        if (mediaType == null) {
            return ".bin";
        }
        // "text/plain; charset=UTF-8" → "text/plain"
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(bare, ".bin");
    }
}
