package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node with every setting inherited and resolved: paths are absolute and normalised, the
 * image is known, and maps keep the order they were written in.
 */
public record NodeSpec(
        String name,
        String kind,
        String image,
        Optional<Path> startupConfig,
        List<BindMount> binds,
        Map<String, String> env,
        List<String> exec,
        List<String> dnsServers,
        List<String> dnsSearch,
        Map<String, String> labels) {

    public NodeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(startupConfig, "startupConfig");
        binds = List.copyOf(binds);
        env = orderedCopy(env);
        exec = List.copyOf(exec);
        dnsServers = List.copyOf(dnsServers);
        dnsSearch = List.copyOf(dnsSearch);
        labels = orderedCopy(labels);
    }

    private static Map<String, String> orderedCopy(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map)));
    }
}
