package org.flatracoon.lab.topology;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the node keys of one level (topology.defaults, a topology.kinds entry or a node) into
 * {@link NodeSettings}. Everything that can be checked without knowing the final node is
 * checked here, once per place it is written: kind names, bind syntax, file existence.
 */
final class NodeSettingsReader {

    /** Where the settings are written; decides which keys are allowed. */
    enum Level { DEFAULTS, KIND, NODE }

    static final Set<String> NODE_KEYS =
            Set.of("kind", "image", "startup-config", "binds", "env", "exec", "dns", "labels");

    /** containerlab node keys this lab does not implement; named so they are never silently ignored. */
    static final Set<String> CONTAINERLAB_NODE_KEYS = Set.of(
            "group", "type", "license", "position", "entrypoint", "cmd", "mgmt-ipv4", "mgmt-ipv6",
            "publish", "ports", "user", "env-files", "network-mode", "sysctls", "cpu", "cpu-set",
            "memory", "shm-size", "extras", "wait-for", "stages", "runtime", "certificate",
            "healthcheck", "image-pull-policy", "enforce-startup-config", "suppress-startup-config",
            "auto-remove", "restart-policy", "devices", "aliases", "startup-delay", "config",
            "components", "cap-add", "network-aliases", "overwrite-config");

    private static final Set<String> DNS_KEYS = Set.of("servers", "search");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}\\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
                    + "(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");

    private final Path folder;
    private final KindCatalog kinds;
    private final ProblemCollector problems;

    NodeSettingsReader(Path folder, KindCatalog kinds, ProblemCollector problems) {
        this.folder = folder;
        this.kinds = kinds;
        this.problems = problems;
    }

    NodeSettings read(RawNode value, String where, Level level) {
        if (value instanceof RawNode.Scalar scalar && scalar.isNull()) {
            return NodeSettings.NONE; // "ws1:" with nothing below: a node that sets nothing itself
        }
        return MappingReader.of(value, where, problems).map(map -> read(map, level)).orElse(NodeSettings.NONE);
    }

    private NodeSettings read(MappingReader map, Level level) {
        Set<String> supported = new HashSet<>(NODE_KEYS);
        Map<String, String> misplaced = new LinkedHashMap<>();
        if (level != Level.NODE) {
            supported.remove("exec");
            misplaced.put("exec", "'exec' in " + map.where() + " is not allowed; exec can only be set on a node");
        }
        if (level == Level.KIND) {
            supported.remove("kind");
            misplaced.put("kind", "'kind' in " + map.where() + " is not allowed; the entry's name is the kind");
        }
        map.checkKeys(supported, CONTAINERLAB_NODE_KEYS, misplaced);

        Optional<MappingReader> dns = map.mapping("dns");
        dns.ifPresent(d -> d.checkKeys(DNS_KEYS, Set.of("options"), Map.of()));
        Optional<Located<String>> kind = supported.contains("kind") ? kind(map) : Optional.empty();
        Optional<Located<String>> image = map.text("image").filter(i -> notBlank(i, "'image' in " + map.where()));
        Optional<Located<Path>> startupConfig = startupConfig(map);
        Set<String> rejected = new HashSet<>();
        rejectedIfWritten(map, "kind", kind, rejected);
        rejectedIfWritten(map, "image", image, rejected);
        rejectedIfWritten(map, "startup-config", startupConfig, rejected);
        return new NodeSettings(
                kind,
                image,
                startupConfig,
                map.textList("binds").map(this::binds),
                env(map),
                supported.contains("exec") ? map.textList("exec").map(NodeSettingsReader::values) : Optional.empty(),
                dns.flatMap(d -> d.textList("servers")).map(this::dnsServers),
                dns.flatMap(d -> d.textList("search")).map(this::dnsSearch),
                map.textMap("labels").map(NodeSettingsReader::valuesOf).orElse(Map.of()),
                Set.copyOf(rejected));
    }

    private static void rejectedIfWritten(MappingReader map, String key, Optional<?> value, Set<String> rejected) {
        if (map.entry(key).isPresent() && value.isEmpty()) {
            rejected.add(key);
        }
    }

    /** The kind as written; an unknown one is reported here and kept, so the node is not "kind-less". */
    private Optional<Located<String>> kind(MappingReader map) {
        Optional<Located<String>> kind = map.text("kind");
        kind.filter(k -> !kinds.knows(k.value())).ifPresent(k -> reportUnknownKind(k, kinds, problems));
        return kind;
    }

    static void reportUnknownKind(Located<String> kind, KindCatalog kinds, ProblemCollector problems) {
        problems.report(kind.line(), "unknown kind '" + kind.value() + "' (known kinds: "
                + String.join(", ", new TreeSet<>(kinds.names())) + ")");
    }

    private Optional<Located<Path>> startupConfig(MappingReader map) {
        return map.text("startup-config").flatMap(text -> resolve(text, "startup-config").flatMap(path -> {
            if (!Files.exists(path)) {
                problems.report(text.line(), "startup-config not found: " + path);
                return Optional.empty();
            }
            if (!Files.isRegularFile(path)) {
                problems.report(text.line(), "startup-config is not a file: " + path);
                return Optional.empty();
            }
            return Optional.of(new Located<>(path, text.line()));
        }));
    }

    /** host:container[:ro|rw]; the host path is relative to the topology file's folder. */
    private List<BindMount> binds(List<Located<String>> items) {
        List<BindMount> binds = new ArrayList<>();
        for (Located<String> item : items) {
            String[] parts = item.value().split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
                problems.report(item.line(), "bind '" + item.value() + "' must be host-path:container-path[:ro|rw]");
                continue;
            }
            if (parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw")) {
                problems.report(item.line(), "bind '" + item.value() + "' has mode '" + parts[2] + "'; use ro or rw");
                continue;
            }
            if (!parts[1].startsWith("/")) {
                problems.report(item.line(), "bind '" + item.value() + "' needs an absolute container path");
                continue;
            }
            Optional<Path> host = resolve(new Located<>(parts[0], item.line()), "bind source");
            if (host.isPresent() && !Files.exists(host.get())) {
                problems.report(item.line(), "bind source not found: " + host.get());
            } else if (host.isPresent()) {
                binds.add(new BindMount(host.get(), parts[1], parts.length == 3 && parts[2].equals("ro")));
            }
        }
        return binds;
    }

    private Map<String, String> env(MappingReader map) {
        Map<String, Located<String>> env = map.textMap("env").orElse(Map.of());
        env.forEach((name, value) -> {
            if (name.isEmpty() || name.contains("=")) {
                problems.report(value.line(), "environment variable name '" + name + "' in " + map.where()
                        + " must be non-empty and contain no '='");
            }
        });
        return valuesOf(env);
    }

    private List<String> dnsServers(List<Located<String>> items) {
        List<String> servers = new ArrayList<>();
        for (Located<String> item : items) {
            try {
                servers.add(IpText.format(IpText.parseAddress(item.value())));
            } catch (IllegalArgumentException e) {
                problems.report(item.line(), "dns server '" + item.value() + "' is not an IP address");
            }
        }
        return servers;
    }

    private List<String> dnsSearch(List<Located<String>> items) {
        List<String> domains = new ArrayList<>();
        for (Located<String> item : items) {
            if (DOMAIN.matcher(item.value()).matches()) {
                domains.add(item.value());
            } else {
                problems.report(item.line(), "dns search domain '" + item.value() + "' is not a domain name");
            }
        }
        return domains;
    }

    private Optional<Path> resolve(Located<String> text, String what) {
        try {
            return Optional.of(folder.resolve(text.value()).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            problems.report(text.line(), what + " '" + text.value() + "' is not a valid path");
            return Optional.empty();
        }
    }

    private boolean notBlank(Located<String> value, String name) {
        if (value.value().isBlank()) {
            problems.report(value.line(), name + " is empty");
            return false;
        }
        return true;
    }

    private static List<String> values(List<Located<String>> items) {
        return items.stream().map(Located::value).toList();
    }

    private static Map<String, String> valuesOf(Map<String, Located<String>> map) {
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(key, value.value()));
        return values;
    }
}
