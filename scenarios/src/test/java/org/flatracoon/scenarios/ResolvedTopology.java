package org.flatracoon.scenarios;

import java.util.stream.Collectors;
import org.flatracoon.lab.topology.Topology;

/** The lab as it was resolved (kinds, images, files, addresses), as evidence for the report. */
final class ResolvedTopology {

    private ResolvedTopology() {
    }

    static String describe(Topology topology) {
        StringBuilder out = new StringBuilder("lab " + topology.name() + " from " + topology.file() + "\n\nnodes:\n");
        topology.nodes().forEach(node -> out.append("  ").append(node.name()).append(": kind ").append(node.kind())
                .append(", image ").append(node.image())
                .append(node.startupConfig().map(file -> ", startup-config " + file).orElse(""))
                .append('\n'));
        out.append("\nlinks:\n");
        topology.links().forEach(link -> out.append("  ").append(link.endpoints().stream()
                .map(endpoint -> endpoint + " " + endpoint.addresses().stream().map(Object::toString)
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("  <->  "))).append('\n'));
        return out.toString();
    }
}
