package org.flatracoon.lab.topology;

import java.util.Objects;
import java.util.Optional;

/** One end of a link: a node's interface and the addresses it gets on that link. */
public record Endpoint(String node, String iface, Optional<InterfaceAddress> ipv4, Optional<InterfaceAddress> ipv6) {

    public Endpoint {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(ipv4, "ipv4");
        Objects.requireNonNull(ipv6, "ipv6");
    }

    /** {@code node:iface}, the form used in topology files. */
    @Override
    public String toString() {
        return node + ":" + iface;
    }
}
