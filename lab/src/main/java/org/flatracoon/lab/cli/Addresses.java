package org.flatracoon.lab.cli;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flatracoon.lab.topology.Topology;

/** A node's interfaces and addresses as one short text, e.g. "eth1 192.0.2.10/24 2001:db8:1::10/64". */
final class Addresses {

    private Addresses() {
    }

    static String of(Topology topology, String node) {
        return topology.linksOf(node).stream()
                .map(link -> link.endpointOf(node))
                .map(endpoint -> Stream.concat(Stream.of(endpoint.iface()),
                        endpoint.addresses().stream().map(Object::toString)).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(", "));
    }
}
