package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings one level (defaults, a kind entry or a node) writes down, already checked and
 * with paths resolved. Empty means "not set at this level", so the next level decides.
 * {@code rejected} names keys that were written but refused (their problem is reported), so the
 * resolver does not add a second "has no kind/image" problem for the same mistake.
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
        Map<String, String> labels,
        Set<String> rejected) {

    static final NodeSettings NONE = new NodeSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Set.of());
}
