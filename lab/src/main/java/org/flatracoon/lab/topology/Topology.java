package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * A node's interfaces and addresses in one line, one word per interface, e.g.
     * {@code eth1=198.51.100.10/24,2001:db8:1::10/64 eth2=203.0.113.1/24} (tables, labels).
     */
    public String interfacesOf(String node) {
        return linksOf(node).stream()
                .map(link -> link.endpointOf(node))
                .map(endpoint -> endpoint.iface() + "=" + endpoint.addresses().stream()
                        .map(Object::toString).collect(Collectors.joining(",")))
                .collect(Collectors.joining(" "));
    }

    /** The first link (in file order) between the two nodes, in either direction. */
    public Optional<LinkSpec> linkBetween(String a, String b) {
        return links.stream()
                .filter(link -> link.connects(a) && link.peerOf(a).node().equals(b))
                .findFirst();
    }
}
