package org.flatracoon.lab.topology;

import java.util.List;
import java.util.Map;

/**
 * The file as YAML, before any meaning is attached: scalars stay text, and every node and key
 * keeps its 1-based line so each later problem can point at the place it came from.
 */
sealed interface RawNode permits RawNode.Scalar, RawNode.Sequence, RawNode.Mapping {

    int line();

    /** How the node is named in "must be a map, found …" messages. */
    String describe();

    /** A scalar as written; {@code isNull} for {@code ~}, {@code null} or nothing at all. */
    record Scalar(String text, boolean isNull, int line) implements RawNode {
        @Override
        public String describe() {
            return isNull ? "nothing" : "'" + text + "'";
        }
    }

    record Sequence(List<RawNode> items, int line) implements RawNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** Keys are unique and in file order; duplicates were reported by the reader. */
    record Mapping(Map<String, Entry> entries, int line) implements RawNode {
        @Override
        public String describe() {
            return "a map";
        }
    }

    record Entry(String key, int keyLine, RawNode value) {
    }
}
