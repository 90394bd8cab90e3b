package org.flatracoon.lab.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** One end of a link: a node's interface and the addresses it gets on that link. */
public record Endpoint(String node, String iface, Optional<InterfaceAddress> ipv4, Optional<InterfaceAddress> ipv6) {

    public Endpoint {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
    }

    /** The declared addresses, IPv4 first. */
    public List<InterfaceAddress> addresses() {
        return Stream.of(ipv4, ipv6).flatMap(Optional::stream).toList();
    }

    /** {@code node:iface}, the form used in topology files. */
    @Override
    public String toString() {
        return node + ":" + iface;
    }
}
