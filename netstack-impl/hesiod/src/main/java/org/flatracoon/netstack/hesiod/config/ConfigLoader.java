package org.flatracoon.netstack.hesiod.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML configuration of {@code netstack hesiod serve --config}. It works on SnakeYAML's node tree,
 * not on maps, so that every problem is reported with its line; all problems are collected, then thrown
 * together as a {@link ZoneLoadException} (same layout as zone file problems: {@code file:line: message}).
 * Paths are relative to the configuration file.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("state-dir", "keys", "zones");
    private static final Set<String> KEY_FIELDS = Set.of("name", "algorithm", "secret");
    private static final Set<String> ZONE_FIELDS = Set.of("file", "notify", "allow-transfer", "transfer-key",
            "update-key", "name", "primary", "primary-key", "class", "refresh-max");
    private static final int DNS_PORT = 53;

    private final String source;
    private final Path baseDir;
    private final List<ZoneProblem> problems = new ArrayList<>();
    private final Map<Name, TsigKey> keys = new LinkedHashMap<>();

    private ConfigLoader(Path file) {
        this.source = file.toString();
        this.baseDir = file.toAbsolutePath().getParent();
    }

    public static HesiodConfig load(Path file) throws ZoneLoadException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(file.toString(), "cannot read: " + e.getMessage())));
        }
        return new ConfigLoader(file).parse(text, file);
    }

    /** Parses configuration text as if read from {@code file} (which need not exist), e.g. from a test. */
    public static HesiodConfig parse(Path file, String text) throws ZoneLoadException {
        return new ConfigLoader(file).parse(text, file);
    }

    private HesiodConfig parse(String text, Path file) throws ZoneLoadException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ZoneLoadException(List.of(new ZoneProblem(source, e.getProblemMark().getLine() + 1,
                    "YAML syntax: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(source, "YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ZoneLoadException(List.of(ZoneProblem.ofFile(source,
                    "expected a mapping with state-dir, keys and zones")));
        }
        Map<String, Node> fields = fields(top, TOP);
        Path stateDir = HesiodConfig.DEFAULT_STATE_DIR;
        if (fields.containsKey("state-dir")) {
            stateDir = scalar(fields.get("state-dir"), "state-dir").map(baseDir::resolve).orElse(stateDir);
        }
        if (fields.containsKey("keys")) {
            list(fields.get("keys"), "keys").forEach(this::key);
        }
        List<ZoneSettings> zones = new ArrayList<>();
        if (fields.containsKey("zones")) {
            list(fields.get("zones"), "zones").forEach(n -> zone(n).ifPresent(zones::add));
        }
        if (zones.isEmpty() && problems.isEmpty()) {
            problem(top, "no zones configured");
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ZoneProblem::line));
            throw new ZoneLoadException(problems);
        }
        return new HesiodConfig(file, stateDir, List.copyOf(keys.values()), zones);
    }

    private void key(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a key is a mapping {name, algorithm, secret}");
            return;
        }
        Map<String, Node> f = fields(map, KEY_FIELDS);
        Optional<String> name = required(map, f, "name");
        Optional<String> algorithm = required(map, f, "algorithm");
        Optional<String> secret = required(map, f, "secret");
        if (name.isEmpty() || algorithm.isEmpty() || secret.isEmpty()) {
            return;
        }
        Optional<Name> keyName = dnsName(f.get("name"), name.get());
        Optional<Name> alg = TsigKey.algorithmNamed(algorithm.get());
        if (alg.isEmpty()) {
            problem(f.get("algorithm"), "unknown algorithm '" + algorithm.get() + "' (supported: "
                    + TsigKey.supportedAlgorithms() + ")");
        }
        byte[] bytes = null;
        try {
            bytes = Base64.getDecoder().decode(secret.get().strip());
            if (bytes.length == 0) {
                problem(f.get("secret"), "the secret is empty");
                bytes = null;
            }
        } catch (IllegalArgumentException e) {
            problem(f.get("secret"), "the secret is not base64: " + e.getMessage());
        }
        if (keyName.isPresent() && keys.containsKey(keyName.get())) {
            problem(map, "key " + keyName.get() + " is defined twice");
        } else if (keyName.isPresent() && alg.isPresent() && bytes != null) {
            keys.put(keyName.get(), new TsigKey(keyName.get(), alg.get(), bytes));
        }
    }

    private Optional<ZoneSettings> zone(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a zone is a mapping (file, notify, allow-transfer, transfer-key, update-key; or name, primary,"
                    + " primary-key, class, refresh-max for a secondary zone)");
            return Optional.empty();
        }
        Map<String, Node> f = fields(map, ZONE_FIELDS);
        boolean secondary = f.containsKey("primary");
        if (secondary) {
            for (String field : List.of("file", "update-key")) {
                if (f.containsKey(field)) {
                    problem(f.get(field), "'" + field + "' is for primary zones; a secondary zone (primary:) gets its"
                            + " data by zone transfer" + (field.equals("update-key") ? " (send updates to the primary)" : ""));
                }
            }
        } else {
            for (String field : List.of("primary-key", "class", "refresh-max")) {
                if (f.containsKey(field)) {
                    problem(f.get(field), "'" + field + "' is only for secondary zones (with primary:)");
                }
            }
            if (f.containsKey("name")) {
                problem(f.get("name"), "a primary zone takes its name from its file's SOA; remove 'name'"
                        + " (or add primary: for a secondary zone)");
            }
        }
        Optional<String> file = secondary ? Optional.empty() : required(map, f, "file");
        List<InetSocketAddress> notify = new ArrayList<>();
        if (f.containsKey("notify")) {
            for (Node n : list(f.get("notify"), "notify")) {
                scalar(n, "notify").ifPresent(s -> notifyTarget(n, s).ifPresent(notify::add));
            }
        }
        List<AddressAcl.Prefix> prefixes = new ArrayList<>();
        if (f.containsKey("allow-transfer")) {
            for (Node n : list(f.get("allow-transfer"), "allow-transfer")) {
                scalar(n, "allow-transfer").ifPresent(s -> {
                    try {
                        prefixes.add(AddressAcl.parsePrefix(s));
                    } catch (IllegalArgumentException e) {
                        problem(n, "allow-transfer: " + e.getMessage());
                    }
                });
            }
        }
        Optional<TsigKey> transferKey = keyRef(f, "transfer-key");
        Optional<TsigKey> updateKey = keyRef(f, "update-key");
        if (secondary) {
            return secondary(map, f).map(s -> new ZoneSettings(null, line(map), notify, new AddressAcl(prefixes),
                    transferKey, Optional.empty(), Optional.of(s)));
        }
        return file.map(p -> new ZoneSettings(baseDir.resolve(p), line(map), notify, new AddressAcl(prefixes),
                transferKey, updateKey));
    }

    private Optional<SecondarySettings> secondary(MappingNode map, Map<String, Node> f) {
        Optional<Name> name = required(map, f, "name").flatMap(n -> dnsName(f.get("name"), n));
        Optional<InetSocketAddress> primary = scalar(f.get("primary"), "primary")
                .flatMap(p -> address(f.get("primary"), "primary", p));
        Optional<TsigKey> primaryKey = keyRef(f, "primary-key");
        int dclass = DClass.HS;
        if (f.containsKey("class")) {
            String c = scalar(f.get("class"), "class").orElse("HS").toUpperCase(java.util.Locale.ROOT);
            if (c.equals("IN")) {
                dclass = DClass.IN;
            } else if (!c.equals("HS")) {
                problem(f.get("class"), "class: expected HS or IN, not '" + c + "'");
            }
        }
        Optional<Duration> refreshMax = Optional.empty();
        if (f.containsKey("refresh-max")) {
            refreshMax = scalar(f.get("refresh-max"), "refresh-max").flatMap(t -> duration(f.get("refresh-max"), t));
        }
        if (name.isEmpty() || primary.isEmpty() || (f.containsKey("primary-key") && primaryKey.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SecondarySettings(name.get(), primary.get(), primaryKey, dclass, refreshMax));
    }

    /** {@code 30}, {@code 30s}, {@code 5m} or {@code 1h}; at least one second. */
    private Optional<Duration> duration(Node node, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})([smh]?)").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            problem(node, "refresh-max: expected a duration such as 30, 30s, 5m or 1h (at least 1 s), not '"
                    + text + "'");
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        });
    }

    private Optional<TsigKey> keyRef(Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            return Optional.empty();
        }
        Optional<String> text = scalar(f.get(field), field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Name> name = dnsName(f.get(field), text.get());
        Optional<TsigKey> key = name.map(keys::get);
        if (name.isPresent() && key.isEmpty()) {
            problem(f.get(field), field + ": no key named '" + text.get() + "' under keys");
        }
        return key;
    }

    /** {@code ADDRESS}, {@code ADDRESS:PORT} (IPv4) or {@code [IPv6]:PORT}; port 53 if none. */
    private Optional<InetSocketAddress> notifyTarget(Node node, String text) {
        return address(node, "notify", text);
    }

    private Optional<InetSocketAddress> address(Node node, String field, String text) {
        String host = text;
        int port = DNS_PORT;
        try {
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                    throw new IllegalArgumentException("'" + text + "' is not ADDRESS, ADDRESS:PORT or [IPv6]:PORT");
                }
                host = text.substring(1, close);
                if (close + 1 < text.length()) {
                    port = port(text.substring(close + 2));
                }
            } else if (text.chars().filter(c -> c == ':').count() == 1) {
                host = text.substring(0, text.indexOf(':'));
                port = port(text.substring(text.indexOf(':') + 1));
            }
            InetAddress address = AddressAcl.parseLiteral(host);
            return Optional.of(new InetSocketAddress(address, port));
        } catch (IllegalArgumentException e) {
            problem(node, field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("port '" + text + "' is not in 1..65535");
    }

    private Optional<Name> dnsName(Node node, String text) {
        try {
            return Optional.of(Name.fromString(text.endsWith(".") ? text : text + ".", Name.root));
        } catch (TextParseException e) {
            problem(node, "'" + text + "' is not a valid name: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The mapping's fields by key; unknown and repeated keys are problems. */
    private Map<String, Node> fields(MappingNode map, Set<String> known) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k)) {
                problem(keyNode, "expected a plain key");
                continue;
            }
            if (!known.contains(k.getValue())) {
                problem(keyNode, "unknown setting '" + k.getValue() + "' (expected one of "
                        + known.stream().sorted().toList() + ")");
            } else if (fields.putIfAbsent(k.getValue(), t.getValueNode()) != null) {
                problem(keyNode, "'" + k.getValue() + "' is given twice");
            }
        }
        return fields;
    }

    private Optional<String> required(MappingNode map, Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            problem(map, "missing '" + field + "'");
            return Optional.empty();
        }
        return scalar(f.get(field), field);
    }

    private Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return Optional.of(s.getValue());
        }
        problem(node, what + ": expected a single value");
        return Optional.empty();
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return List.of(); // "notify:" with nothing after it
        }
        problem(node, what + ": expected a list");
        return List.of();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String message) {
        problems.add(new ZoneProblem(source, line(node), message));
    }
}
