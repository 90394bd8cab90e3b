package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.flatracoon.netstack.overlay.identity.StateFiles;

/** Networks and members in {@code controller.json} of the state dir, written durably on every change. */
final class ControllerStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    ControllerStore(Path stateDir) {
        this.file = stateDir.resolve("controller.json");
    }

    Map<String, NetworkRecord> load() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, NetworkRecord>>() { });
        } catch (IOException e) {
            throw new IOException(file + ": not a controller state file: " + e.getMessage(), e);
        }
    }

    void save(Map<String, NetworkRecord> networks) throws IOException {
        StateFiles.writeAtomically(file, JSON.writeValueAsBytes(networks), true);
    }
}
