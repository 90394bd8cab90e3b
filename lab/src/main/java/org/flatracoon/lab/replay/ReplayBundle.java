package org.flatracoon.lab.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.topology.BindMount;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.topology.Topology;

/**
 * What it takes to bring a failed run's lab up again and disturb it the same way: the topology
 * file with the files it refers to, the image id of each node, the fault schedule with offsets
 * from lab-ready, the seed, and where the failure came from. On disk a folder:
 *
 * <pre>
 * bundle.json        scenario, feature:line, lab, seed, image id per node, lab version, created
 * schedule.json      the faults, in order: offset_ms, action, target, params, outcome, took_ms
 * topology/          the topology file and the files it refers to, at the same relative paths
 * …                  whatever the writer adds for people to read (the scenarios add resolved-topology.txt)
 * </pre>
 *
 * or the same as a zip (what a scenario attaches to its report).
 */
public record ReplayBundle(String scenario, String source, String lab, long seed, Map<String, String> imageIds,
        List<FaultEntry> schedule, String topologyFile, String labVersion, String created) {

    public static final String BUNDLE_JSON = "bundle.json";
    public static final String SCHEDULE_JSON = "schedule.json";
    public static final String TOPOLOGY_DIR = "topology";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The bundle of a lab as it is now: its schedule so far and its nodes' image ids. */
    public static ReplayBundle of(RunningLab lab, String scenario, String source, long seed) {
        Map<String, String> imageIds = new LinkedHashMap<>();
        for (LabNode node : lab.nodes()) {
            imageIds.put(node.name(), node.imageId());
        }
        return new ReplayBundle(scenario, source, lab.name(), seed, imageIds, lab.faults().schedule(),
                lab.topology().file().getFileName().toString(), org.flatracoon.lab.LabVersion.get(),
                java.time.Instant.now().toString());
    }

    /**
     * Writes the bundle folder; the topology's files are copied from where {@code topology} says
     * they are. {@code extras} are more files for people to read (e.g. the resolved topology), by name.
     */
    public void writeTo(Path dir, Topology topology, Map<String, String> extras) throws IOException {
        Files.createDirectories(dir.resolve(TOPOLOGY_DIR));
        for (Map.Entry<String, String> extra : extras.entrySet()) {
            Path file = dir.resolve(extra.getKey()).normalize();
            if (!dir.equals(file.getParent())) {
                throw new IllegalArgumentException("extra bundle file " + extra.getKey() + " must be a plain file name");
            }
            Files.writeString(file, extra.getValue());
        }
        Files.writeString(dir.resolve(BUNDLE_JSON), JSON.writeValueAsString(header()));
        Files.writeString(dir.resolve(SCHEDULE_JSON), JSON.writeValueAsString(scheduleJson()));
        Path labFolder = topology.file().getParent();
        copy(topology.file(), labFolder, dir.resolve(TOPOLOGY_DIR));
        for (NodeSpec node : topology.nodes()) {
            node.startupConfig().ifPresent(file -> copyQuietly(file, labFolder, dir.resolve(TOPOLOGY_DIR)));
            for (BindMount bind : node.binds()) {
                copyQuietly(bind.hostPath(), labFolder, dir.resolve(TOPOLOGY_DIR));
            }
        }
    }

    /** The bundle folder as one zip, e.g. to attach to a report. */
    public byte[] toZip(Topology topology, Map<String, String> extras) throws IOException {
        Path dir = Files.createTempDirectory("replay-bundle");
        try {
            writeTo(dir, topology, extras);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Reads a bundle folder or zip; a zip is unpacked into {@code unpackTo}. Returns the bundle and
     * the folder it lives in (for the topology).
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static Loaded read(Path bundle, Path unpackTo) throws IOException {
        Path dir = bundle;
        if (Files.isRegularFile(bundle)) {
            unzip(bundle, unpackTo);
            dir = unpackTo;
        }
        Path header = dir.resolve(BUNDLE_JSON);
        Path schedule = dir.resolve(SCHEDULE_JSON);
        if (!Files.isRegularFile(header) || !Files.isRegularFile(schedule)) {
            throw new IllegalArgumentException(bundle + " is not a replay bundle: it has no " + BUNDLE_JSON + " and "
                    + SCHEDULE_JSON + " (give the bundle folder or its zip from the failed scenario's evidence)");
        }
        JsonNode h = JSON.readTree(header.toFile());
        List<FaultEntry> entries = new ArrayList<>();
        JsonNode list = JSON.readTree(schedule.toFile());
        for (int i = 0; i < list.size(); i++) {
            entries.add(entry(list.get(i), schedule, i));
        }
        Map<String, String> imageIds = new LinkedHashMap<>();
        h.path("image_ids").fields().forEachRemaining(e -> imageIds.put(e.getKey(), e.getValue().asText()));
        ReplayBundle read = new ReplayBundle(h.path("scenario").asText(), h.path("source").asText(),
                h.path("lab").asText(), h.path("seed").asLong(), imageIds, entries, h.path("topology").asText(),
                h.path("lab_version").asText(), h.path("created").asText());
        Path topology = dir.resolve(TOPOLOGY_DIR).resolve(read.topologyFile());
        if (read.topologyFile().isEmpty() || !Files.isRegularFile(topology)) {
            throw new IllegalArgumentException(bundle + ": the topology file " + TOPOLOGY_DIR + "/" + read.topologyFile()
                    + " named in " + BUNDLE_JSON + " is missing");
        }
        return new Loaded(read, topology);
    }

    /** A bundle read from disk and where its topology file is. */
    public record Loaded(ReplayBundle bundle, Path topologyFile) {
    }

    private ObjectNode header() {
        ObjectNode h = JSON.createObjectNode();
        h.put("scenario", scenario);
        h.put("source", source);
        h.put("lab", lab);
        h.put("seed", seed);
        h.put("topology", topologyFile);
        h.set("image_ids", JSON.valueToTree(imageIds));
        h.put("random_drop", "nftables numgen random: the kernel's own generator, not seedable; a replay "
                + "reproduces the loss rate, not the same lost packets");
        h.put("lab_version", labVersion);
        h.put("created", created);
        return h;
    }

    private ArrayNode scheduleJson() {
        ArrayNode list = JSON.createArrayNode();
        for (FaultEntry entry : schedule) {
            ObjectNode e = list.addObject();
            e.put("offset_ms", entry.offset().toMillis());
            e.put("action", entry.action().words());
            e.set("target", JSON.valueToTree(entry.target()));
            e.set("params", JSON.valueToTree(new java.util.TreeMap<>(entry.params())));
            e.put("outcome", entry.outcome());
            e.put("took_ms", entry.took().toMillis());
        }
        return list;
    }

    private static FaultEntry entry(JsonNode e, Path file, int index) {
        String where = file.getFileName() + " entry " + (index + 1);
        if (!e.has("offset_ms") || !e.has("action") || !e.path("target").isArray()) {
            throw new IllegalArgumentException(where + ": needs offset_ms, action and target");
        }
        FaultAction action;
        try {
            action = FaultAction.ofWords(e.get("action").asText());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(where + ": " + bad.getMessage());
        }
        List<String> target = new ArrayList<>();
        e.get("target").forEach(t -> target.add(t.asText()));
        Map<String, String> params = new LinkedHashMap<>();
        e.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        return new FaultEntry(Duration.ofMillis(e.get("offset_ms").asLong()), action, target, params,
                e.path("outcome").asText(FaultEntry.APPLIED), Duration.ofMillis(e.path("took_ms").asLong()));
    }

    private static void copyQuietly(Path file, Path labFolder, Path into) {
        try {
            copy(file, labFolder, into);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not copy " + file + " into the replay bundle", e);
        }
    }

    /** Copies a file or folder to the same path relative to the lab folder (or by its name, if outside it). */
    private static void copy(Path source, Path labFolder, Path into) throws IOException {
        Path relative = source.startsWith(labFolder) ? labFolder.relativize(source) : source.getFileName();
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path target = into.resolve(relative).resolve(source.relativize(path).toString()).normalize();
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void unzip(Path zipFile, Path into) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalArgumentException(zipFile + ": entry " + entry.getName() + " points outside the bundle");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        zip.transferTo(out);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(zipFile + " is neither a bundle folder nor a readable zip: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
