package org.flatracoon.lab.graph;

import java.util.List;
import java.util.stream.Collectors;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.Topology;

/**
 * What a picture of a lab shows: its nodes with their kinds, and its links with each end's
 * interface and addresses. Made from the resolved topology, so it shows what the lab brings up.
 */
public record LabGraph(String name, List<Node> nodes, List<Link> links) {

    public LabGraph {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }

    /** A node and its kind, which decides its shape and colour. */
    public record Node(String name, String kind) {
    }

    /** One end of a link: {@code eth1} and its addresses, e.g. {@code 198.51.100.1/25 2001:db8::1/64}. */
    public record End(String node, String iface, List<String> addresses) {

        public End {
            addresses = List.copyOf(addresses);
        }

        /** {@code eth1 198.51.100.1/25 2001:db8:100::1/64}: what a label at this end says. */
        public String label() {
            return addresses.isEmpty() ? iface : iface + " " + String.join(" ", addresses);
        }
    }

    public record Link(End a, End b) {
    }

    public static LabGraph of(Topology topology) {
        return new LabGraph(topology.name(),
                topology.nodes().stream().map(node -> new Node(node.name(), node.kind())).toList(),
                topology.links().stream().map(link -> new Link(end(link.a()), end(link.b()))).toList());
    }

    private static End end(Endpoint endpoint) {
        return new End(endpoint.node(), endpoint.iface(),
                endpoint.addresses().stream().map(Object::toString).collect(Collectors.toList()));
    }

    /** The kinds in the lab, in the order their first node appears: the legend. */
    public List<String> kinds() {
        return nodes.stream().map(Node::kind).distinct().toList();
    }
}
