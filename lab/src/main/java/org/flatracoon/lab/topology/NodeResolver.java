package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns topology.nodes into {@link NodeSpec}s, each setting taken from the node, else from its
 * kind's entry in topology.kinds, else from topology.defaults. Maps (env, labels) merge key by
 * key with the most specific level winning; lists are taken whole from the most specific level
 * that sets them, so a node can also clear an inherited list with {@code []}.
 */
final class NodeResolver {

    private final NodeSettings defaults;
    private final Map<String, NodeSettings> kindSettings;
    private final KindCatalog kinds;
    private final NodeSettingsReader reader;
    private final ProblemCollector problems;

    NodeResolver(NodeSettings defaults, Map<String, NodeSettings> kindSettings, KindCatalog kinds,
            NodeSettingsReader reader, ProblemCollector problems) {
        this.defaults = defaults;
        this.kindSettings = kindSettings;
        this.kinds = kinds;
        this.reader = reader;
        this.problems = problems;
    }

    /** The nodes that resolved completely; every other node has had its problems reported. */
    List<NodeSpec> resolve(MappingReader nodes) {
        List<NodeSpec> resolved = new ArrayList<>();
        for (RawNode.Entry entry : nodes.entries().values()) {
            NamingRules.nodeNameProblem(entry.key()).ifPresent(problem -> problems.report(entry.keyLine(), problem));
            String where = nodes.where() + "." + entry.key();
            NodeSettings own = reader.read(entry.value(), where, NodeSettingsReader.Level.NODE);
            resolve(entry.key(), entry.keyLine(), own).ifPresent(resolved::add);
        }
        return resolved;
    }

    private Optional<NodeSpec> resolve(String name, int line, NodeSettings own) {
        Optional<Located<String>> kind = own.kind().or(defaults::kind);
        if (kind.isEmpty()) {
            if (own.rejected().contains("kind") || defaults.rejected().contains("kind")) {
                return Optional.empty(); // the bad kind is already reported where it is written
            }
            problems.report(line, "node '" + name + "' has no kind; set 'kind' on the node or in topology.defaults");
            return Optional.empty();
        }
        String kindName = kind.get().value();
        if (!kinds.knows(kindName)) {
            return Optional.empty(); // reported once, where the kind is written
        }
        NodeSettings ofKind = kindSettings.getOrDefault(kindName, NodeSettings.NONE);
        List<NodeSettings> levels = List.of(own, ofKind, defaults);

        Optional<String> image = first(levels, NodeSettings::image).map(Located::value)
                .or(() -> kinds.defaultImage(kindName));
        boolean imageRejected = levels.stream().anyMatch(level -> level.rejected().contains("image"));
        if (image.isEmpty() && !imageRejected) {
            problems.report(line, "node '" + name + "' has no image; kind '" + kindName + "' has no default image, "
                    + "so set 'image' on the node, in topology.kinds." + kindName + " or in topology.defaults");
        }
        Optional<Located<Path>> startupConfig = first(levels, NodeSettings::startupConfig);
        boolean startupConfigRefused = startupConfig.isPresent() && !kinds.acceptsStartupConfig(kindName);
        if (startupConfigRefused) {
            problems.report(startupConfig.get().line(),
                    "node '" + name + "' of kind '" + kindName + "' takes no startup-config");
        }
        if (image.isEmpty() || startupConfigRefused) {
            return Optional.empty();
        }
        return Optional.of(new NodeSpec(
                name,
                kindName,
                image.get(),
                startupConfig.map(Located::value),
                first(levels, NodeSettings::binds).orElse(List.of()),
                merged(levels, NodeSettings::env),
                first(levels, NodeSettings::exec).orElse(List.of()),
                first(levels, NodeSettings::dnsServers).orElse(List.of()),
                first(levels, NodeSettings::dnsSearch).orElse(List.of()),
                merged(levels, NodeSettings::labels)));
    }

    /** The value of the most specific level that sets it. */
    private static <T> Optional<T> first(List<NodeSettings> levels, Function<NodeSettings, Optional<T>> setting) {
        return levels.stream().map(setting).flatMap(Optional::stream).findFirst();
    }

    /** Key-by-key merge, most specific level winning, keeping the order keys were first written in. */
    private static Map<String, String> merged(List<NodeSettings> levels, Function<NodeSettings, Map<String, String>> setting) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = levels.size() - 1; i >= 0; i--) {
            result.putAll(setting.apply(levels.get(i)));
        }
        return result;
    }
}
