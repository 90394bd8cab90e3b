package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a topology file (containerlab's schema) into a resolved, immutable {@link Topology}.
 *
 * <p>Data flows one way: raw YAML with lines ({@link RawYamlReader}) → per-level settings
 * ({@link NodeSettingsReader}) → nodes ({@link NodeResolver}) → links ({@link LinkResolver}) →
 * lab-wide address checks ({@link AddressPlan}). Each stage reports into one
 * {@link ProblemCollector} and carries on, so the user sees every problem of the file at once.
 */
public final class TopologyLoader {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("name", "topology");
    private static final Set<String> CONTAINERLAB_TOP_LEVEL_KEYS = Set.of("prefix", "mgmt", "settings", "debug");
    private static final Set<String> TOPOLOGY_KEYS = Set.of("defaults", "kinds", "nodes", "links");
    private static final Set<String> CONTAINERLAB_TOPOLOGY_KEYS = Set.of("groups");

    private final KindCatalog kinds;

    public TopologyLoader(KindCatalog kinds) {
        this.kinds = Objects.requireNonNull(kinds, "kinds");
    }

    /**
     * Reads, resolves and checks {@code file}. Relative paths inside it are resolved against its
     * folder. Problems name the file as given here.
     */
    public Topology load(Path file) throws TopologyException {
        ProblemCollector problems = new ProblemCollector(file);
        Optional<RawNode> root = new RawYamlReader(problems).read(file);
        Optional<Topology> topology = root.flatMap(raw -> MappingReader.of(raw, "", problems))
                .flatMap(top -> resolve(top, file, problems));
        problems.throwIfAny();
        return topology.orElseThrow(() -> new IllegalStateException("no topology and no problem reported"));
    }

    private Optional<Topology> resolve(MappingReader top, Path file, ProblemCollector problems) {
        top.checkKeys(TOP_LEVEL_KEYS, CONTAINERLAB_TOP_LEVEL_KEYS, Map.of());
        Optional<String> name = labName(top, problems);
        if (top.entry("topology").isEmpty()) {
            problems.report(top.line(), "missing 'topology'");
        }
        Optional<MappingReader> topology = top.mapping("topology");
        if (topology.isEmpty()) {
            return Optional.empty();
        }
        MappingReader body = topology.get();
        body.checkKeys(TOPOLOGY_KEYS, CONTAINERLAB_TOPOLOGY_KEYS, Map.of());
        Path folder = file.toAbsolutePath().normalize().getParent();
        NodeSettingsReader settings = new NodeSettingsReader(folder, kinds, problems);

        NodeSettings defaults = body.entry("defaults")
                .map(entry -> settings.read(entry.value(), "topology.defaults", NodeSettingsReader.Level.DEFAULTS))
                .orElse(NodeSettings.NONE);
        Map<String, NodeSettings> kindSettings = kindSettings(body, settings, problems);

        Optional<MappingReader> nodes = body.mapping("nodes");
        int topologyLine = top.entry("topology").map(RawNode.Entry::keyLine).orElse(top.line());
        if (nodes.isEmpty() && body.entry("nodes").map(TopologyLoader::isEmptyValue).orElse(true)) {
            problems.report(topologyLine, "missing 'nodes' in topology; a lab needs at least one node");
        } else if (nodes.isPresent() && nodes.get().entries().isEmpty()) {
            problems.report(nodes.get().line(), "topology.nodes is empty; a lab needs at least one node");
        }
        List<NodeSpec> resolvedNodes = nodes
                .map(n -> new NodeResolver(defaults, kindSettings, kinds, settings, problems).resolve(n))
                .orElse(List.of());

        Set<String> declaredNodes = nodes.map(n -> n.entries().keySet()).orElse(Set.of());
        List<PlacedLink> links = body.sequence("links")
                .map(l -> new LinkResolver(declaredNodes, problems).resolve(l))
                .orElse(List.of());
        new AddressPlan(problems).check(links);

        if (!problems.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Topology(name.get(), file.toAbsolutePath().normalize(), resolvedNodes,
                links.stream().map(PlacedLink::spec).toList()));
    }

    private static boolean isEmptyValue(RawNode.Entry entry) {
        return entry.value() instanceof RawNode.Scalar scalar && scalar.isNull();
    }

    private static Optional<String> labName(MappingReader top, ProblemCollector problems) {
        if (top.entry("name").isEmpty()) {
            problems.report(top.line(), "missing 'name'; every lab needs one, e.g. name: hesiod-basic");
            return Optional.empty();
        }
        return top.text("name").filter(name -> {
            Optional<String> problem = NamingRules.labNameProblem(name.value());
            problem.ifPresent(message -> problems.report(name.line(), message));
            return problem.isEmpty();
        }).map(Located::value);
    }

    /** topology.kinds: settings per kind name, only for kinds the catalog knows. */
    private Map<String, NodeSettings> kindSettings(MappingReader body, NodeSettingsReader settings,
            ProblemCollector problems) {
        Map<String, NodeSettings> result = new LinkedHashMap<>();
        body.mapping("kinds").ifPresent(kindsMap -> {
            for (RawNode.Entry entry : kindsMap.entries().values()) {
                NodeSettings read = settings.read(entry.value(), "topology.kinds." + entry.key(),
                        NodeSettingsReader.Level.KIND);
                if (kinds.knows(entry.key())) {
                    result.put(entry.key(), read);
                } else {
                    NodeSettingsReader.reportUnknownKind(new Located<>(entry.key(), entry.keyLine()), kinds, problems);
                }
            }
        });
        return result;
    }
}
