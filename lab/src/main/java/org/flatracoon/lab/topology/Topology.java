package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A resolved, validated lab: what the backend brings up. Knows nothing of Docker. */
public record Topology(String name, Path file, List<NodeSpec> nodes, List<LinkSpec> links) {

    public Topology {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    public Optional<NodeSpec> node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    /** Links touching {@code node}, in file order. */
    public List<LinkSpec> linksOf(String node) {
        return links.stream().filter(link -> link.connects(node)).toList();
    }

    /** The first link (in file order) between the two nodes, in either direction. */
    public Optional<LinkSpec> linkBetween(String a, String b) {
        return links.stream()
                .filter(link -> link.connects(a) && link.peerOf(a).node().equals(b))
                .findFirst();
    }
}
