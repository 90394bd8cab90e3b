package org.flatracoon.netstack.overlay.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Reads a flat YAML mapping of settings on SnakeYAML's node tree, so that every problem carries its line; problems
 * are collected (unknown and repeated keys, wrong shapes, bad values) and thrown together by {@link #done}.
 */
final class YamlFields {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s|m)?");

    private final String text;
    private final String source;
    private final Path baseDir;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Node> fields = new HashMap<>();
    private int topLine = 1;

    private YamlFields(Path file, String text) {
        this.text = text;
        this.source = file.toString();
        this.baseDir = file.toAbsolutePath().getParent();
    }

    static YamlFields read(Path file, Set<String> known) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read: " + e.getMessage()));
        }
        return parse(file, text, known);
    }

    static YamlFields parse(Path file, String text, Set<String> known) throws ConfigException {
        YamlFields f = new YamlFields(file, text);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(List.of(f.source + ":" + (e.getProblemMark().getLine() + 1) + ": YAML syntax: "
                    + e.getProblem()));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(f.source + ": YAML: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode map)) {
            throw new ConfigException(List.of(f.source + ":1: expected a mapping of settings " + known.stream()
                    .sorted().toList()));
        }
        f.topLine = line(map);
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                f.problem(t.getKeyNode(), "expected a plain key");
            } else if (!known.contains(k.getValue())) {
                f.problem(k, "unknown setting '" + k.getValue() + "' (expected one of " + known.stream().sorted()
                        .toList() + ")");
            } else if (f.fields.putIfAbsent(k.getValue(), t.getValueNode()) != null) {
                f.problem(k, "'" + k.getValue() + "' is given twice");
            }
        }
        return f;
    }

    /** A scalar setting converted by {@code parse}, whose IllegalArgumentException message becomes a problem. */
    <T> Optional<T> value(String field, Function<String, T> parse) {
        Node node = fields.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            problem(node, field + ": expected a single value");
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(s.getValue().strip()));
        } catch (IllegalArgumentException e) {
            problem(node, field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    <T> Optional<T> required(String field, Function<String, T> parse) {
        if (!fields.containsKey(field)) {
            problems.add(source + ":" + topLine + ": missing '" + field + "'");
            return Optional.empty();
        }
        return value(field, parse);
    }

    <T> List<T> list(String field, Function<String, T> parse) {
        Node node = fields.get(field);
        List<T> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, field + ": expected a list");
            return out;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s)) {
                problem(item, field + ": expected single values");
                continue;
            }
            try {
                out.add(parse.apply(s.getValue().strip()));
            } catch (IllegalArgumentException e) {
                problem(item, field + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** An item of a list of mappings: its line and its plain value (maps, lists, strings, numbers, booleans). */
    record Item(int line, Object value, Map<String, String> rawScalars) {
    }

    /** The mappings of a list setting (e.g. {@code networks}), each with its line. */
    List<Item> mappings(String field) {
        Node node = fields.get(field);
        List<Item> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, field + ": expected a list");
            return out;
        }
        Object loaded = ((Map<?, ?>) new Yaml(new LoaderOptions()).load(text)).get(field);
        List<?> values = (List<?>) loaded;
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (!(item instanceof MappingNode map)) {
                problem(item, field + ": expected a mapping");
                continue;
            }
            // the text as written: YAML would read 0123… as an octal number, and an id is text
            Map<String, String> raw = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    raw.put(k.getValue(), v.getValue());
                }
            }
            out.add(new Item(line(item), values.get(i), raw));
        }
        return out;
    }

    /** A problem found while interpreting an item (see {@link #mappings}). */
    void problem(int line, String message) {
        problems.add(source + ":" + line + ": " + message);
    }

    String source() {
        return source;
    }

    Path path(String text) {
        return baseDir.resolve(text);
    }

    static int port(String text, int min) {
        try {
            int p = Integer.parseInt(text);
            if (p >= min && p <= 65_535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + text + "' is not a port (" + min + "..65535)");
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}; a bare number is seconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 2s or 1m");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.toMillis() < 100) {
            throw new IllegalArgumentException("'" + text + "' is shorter than 100ms");
        }
        return d;
    }

    void done() throws ConfigException {
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(YamlFields::lineOf));
            throw new ConfigException(problems);
        }
    }

    private static int lineOf(String problem) {
        String[] parts = problem.split(":", 3);
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void problem(Node node, String message) {
        problems.add(source + ":" + line(node) + ": " + message);
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
