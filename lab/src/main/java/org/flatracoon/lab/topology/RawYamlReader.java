package org.flatracoon.lab.topology;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a file into {@link RawNode}s using SnakeYAML's compose API, which (unlike load) keeps
 * the position of every key and value. Also catches what compose lets through: duplicate keys,
 * non-text keys and recursive aliases. Merge keys ({@code <<: *defaults}) are applied here so
 * later stages never see them.
 */
final class RawYamlReader {

    private final ProblemCollector problems;
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    RawYamlReader(ProblemCollector problems) {
        this.problems = problems;
    }

    /** The document's root, or empty if the file cannot be read or parsed (the reason is reported). */
    Optional<RawNode> read(Path file) {
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (NoSuchFileException e) {
            problems.report(0, "file not found");
            return Optional.empty();
        } catch (IOException e) {
            problems.report(0, "cannot read file: " + e.getMessage());
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.report(line, "YAML syntax error: " + describe(e));
            return Optional.empty();
        } catch (YAMLException e) {
            // SnakeYAML wraps decoding errors of the reader it pulls from.
            problems.report(0, e.getCause() instanceof CharacterCodingException
                    ? "file is not UTF-8 text" : "YAML error: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            problems.report(1, "file is empty");
            return Optional.empty();
        }
        return Optional.of(convert(root));
    }

    private RawNode convert(Node node) {
        int line = lineOf(node);
        if (node instanceof ScalarNode scalar) {
            return new RawNode.Scalar(scalar.getValue(), scalar.getTag().equals(Tag.NULL), line);
        }
        if (!inProgress.add(node)) {
            problems.report(line, "recursive YAML alias is not supported");
            return new RawNode.Scalar("", false, line); // not null: a second "found nothing" would be noise
        }
        try {
            if (node instanceof SequenceNode sequence) {
                List<RawNode> items = new ArrayList<>();
                sequence.getValue().forEach(item -> items.add(convert(item)));
                return new RawNode.Sequence(List.copyOf(items), line);
            }
            Map<String, RawNode.Entry> entries = new LinkedHashMap<>();
            List<RawNode.Entry> merged = new ArrayList<>();
            for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                addEntry(tuple, entries, merged);
            }
            // Explicit keys win over merged ones, whatever their order in the file.
            merged.forEach(entry -> entries.putIfAbsent(entry.key(), entry));
            return new RawNode.Mapping(Collections.unmodifiableMap(entries), line);
        } finally {
            inProgress.remove(node);
        }
    }

    private void addEntry(NodeTuple tuple, Map<String, RawNode.Entry> entries, List<RawNode.Entry> merged) {
        Node keyNode = tuple.getKeyNode();
        int keyLine = lineOf(keyNode);
        if (keyNode.getTag().equals(Tag.MERGE)) {
            mergeSources(tuple.getValueNode()).forEach(source -> merged.addAll(source.entries().values()));
            return;
        }
        if (!(keyNode instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
            problems.report(keyLine, "a key must be plain text");
            return;
        }
        RawNode.Entry entry = new RawNode.Entry(key.getValue(), keyLine, convert(tuple.getValueNode()));
        RawNode.Entry first = entries.putIfAbsent(key.getValue(), entry);
        if (first != null) {
            problems.report(keyLine, "duplicate key '" + key.getValue() + "' (first at line " + first.keyLine() + ")");
        }
    }

    private List<RawNode.Mapping> mergeSources(Node value) {
        RawNode raw = convert(value);
        List<RawNode> sources = raw instanceof RawNode.Sequence list ? list.items() : List.of(raw);
        List<RawNode.Mapping> mappings = new ArrayList<>();
        for (RawNode source : sources) {
            if (source instanceof RawNode.Mapping mapping) {
                mappings.add(mapping);
            } else {
                problems.report(source.line(), "a merge key ('<<') takes a map or a list of maps, found " + source.describe());
            }
        }
        return mappings;
    }

    /** SnakeYAML splits some messages ("expected a single document…", "but found another document"). */
    private static String describe(MarkedYAMLException e) {
        String problem = String.valueOf(e.getProblem());
        return e.getContext() != null && problem.startsWith("but ") ? e.getContext() + ", " + problem : problem;
    }

    private static int lineOf(Node node) {
        return node.getStartMark() != null ? node.getStartMark().getLine() + 1 : 0;
    }
}
