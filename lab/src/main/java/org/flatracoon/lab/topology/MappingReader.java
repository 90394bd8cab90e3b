package org.flatracoon.lab.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, problem-reporting access to one YAML map. A value of the wrong type is reported and
 * read as absent, so the caller carries on and later checks still run.
 */
final class MappingReader {

    private final RawNode.Mapping mapping;
    private final String where;
    private final ProblemCollector problems;

    MappingReader(RawNode.Mapping mapping, String where, ProblemCollector problems) {
        this.mapping = mapping;
        this.where = where;
        this.problems = problems;
    }

    /** Reads {@code node} as a map, or reports that it is not one. {@code where} is a dotted path, "" for the root. */
    static Optional<MappingReader> of(RawNode node, String where, ProblemCollector problems) {
        if (node instanceof RawNode.Mapping mapping) {
            return Optional.of(new MappingReader(mapping, where, problems));
        }
        problems.report(node.line(), label(where) + " must be a map, found " + node.describe());
        return Optional.empty();
    }

    /** Where this map is, for messages: {@code topology.nodes.dns}, or "the top level". */
    String where() {
        return label(where);
    }

    private static String label(String where) {
        return where.isEmpty() ? "the top level" : where;
    }

    private String child(String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    int line() {
        return mapping.line();
    }

    Map<String, RawNode.Entry> entries() {
        return mapping.entries();
    }

    /**
     * Reports every key that is not {@code supported}. Keys in {@code notSupported} are known
     * containerlab keys, named as such so nobody thinks they silently took effect;
     * {@code misplaced} keys come with their own explanation.
     */
    void checkKeys(Set<String> supported, Set<String> notSupported, Map<String, String> misplaced) {
        String choices = String.join(", ", new TreeSet<>(supported));
        for (RawNode.Entry entry : mapping.entries().values()) {
            String key = entry.key();
            if (supported.contains(key)) {
                continue;
            }
            if (misplaced.containsKey(key)) {
                problems.report(entry.keyLine(), misplaced.get(key));
            } else if (notSupported.contains(key)) {
                problems.report(entry.keyLine(), "key '" + key + "' in " + where()
                        + " is not supported by this lab (supported here: " + choices + ")");
            } else {
                problems.report(entry.keyLine(), "unknown key '" + key + "' in " + where()
                        + " (supported here: " + choices + ")");
            }
        }
    }

    Optional<RawNode.Entry> entry(String key) {
        return Optional.ofNullable(mapping.entries().get(key));
    }

    /** A text value; {@code key: } with nothing after it is reported as missing a value. */
    Optional<Located<String>> text(String key) {
        return entry(key).flatMap(entry -> {
            if (entry.value() instanceof RawNode.Scalar scalar && !scalar.isNull()) {
                return Optional.of(new Located<>(scalar.text(), scalar.line()));
            }
            problems.report(entry.keyLine(), name(key) + " must be text, found " + entry.value().describe());
            return Optional.empty();
        });
    }

    /** A nested map; an empty value ({@code key:}) counts as not set. */
    Optional<MappingReader> mapping(String key) {
        return entry(key).filter(MappingReader::hasValue).flatMap(entry -> {
            if (entry.value() instanceof RawNode.Mapping nested) {
                return Optional.of(new MappingReader(nested, child(key), problems));
            }
            problems.report(entry.keyLine(), name(key) + " must be a map, found " + entry.value().describe());
            return Optional.empty();
        });
    }

    /** A list; an empty value ({@code key:}) counts as not set. */
    Optional<RawNode.Sequence> sequence(String key) {
        return entry(key).filter(MappingReader::hasValue).flatMap(entry -> {
            if (entry.value() instanceof RawNode.Sequence sequence) {
                return Optional.of(sequence);
            }
            problems.report(entry.keyLine(), name(key) + " must be a list, found " + entry.value().describe());
            return Optional.empty();
        });
    }

    /** A list of text items, each with its line; items that are not text are reported and skipped. */
    Optional<List<Located<String>>> textList(String key) {
        return sequence(key).map(sequence -> {
            List<Located<String>> items = new ArrayList<>();
            for (RawNode item : sequence.items()) {
                if (item instanceof RawNode.Scalar scalar && !scalar.isNull()) {
                    items.add(new Located<>(scalar.text(), scalar.line()));
                } else {
                    problems.report(item.line(), "items of " + name(key) + " must be text, found " + item.describe());
                }
            }
            return items;
        });
    }

    /** A map of text to text, in file order; entries whose value is not text are reported and skipped. */
    Optional<Map<String, Located<String>>> textMap(String key) {
        return mapping(key).map(nested -> {
            Map<String, Located<String>> values = new LinkedHashMap<>();
            for (RawNode.Entry entry : nested.entries().values()) {
                if (entry.value() instanceof RawNode.Scalar scalar && !scalar.isNull()) {
                    values.put(entry.key(), new Located<>(scalar.text(), entry.keyLine()));
                } else {
                    problems.report(entry.keyLine(), "'" + entry.key() + "' in " + nested.where()
                            + " must be text, found " + entry.value().describe()
                            + (entry.value() instanceof RawNode.Scalar ? " (write '' for an empty value)" : ""));
                }
            }
            return values;
        });
    }

    private String name(String key) {
        return "'" + key + "' in " + where();
    }

    private static boolean hasValue(RawNode.Entry entry) {
        return !(entry.value() instanceof RawNode.Scalar scalar && scalar.isNull());
    }
}
