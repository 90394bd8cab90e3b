package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings one level (defaults, a kind entry or a node) writes down, already checked and
 * with paths resolved. Empty means "not set at this level", so the next level decides.
 */
record NodeSettings(
        Optional<Located<String>> kind,
        Optional<Located<String>> image,
        Optional<Located<Path>> startupConfig,
        Optional<List<BindMount>> binds,
        Map<String, String> env,
        Optional<List<String>> exec,
        Optional<List<String>> dnsServers,
        Optional<List<String>> dnsSearch,
        Map<String, String> labels) {

    static final NodeSettings NONE = new NodeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
}
