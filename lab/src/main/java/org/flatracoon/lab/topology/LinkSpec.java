package org.flatracoon.lab.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** A point-to-point link between two nodes; each link becomes its own network. */
public record LinkSpec(Endpoint a, Endpoint b) {

    public LinkSpec {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    public List<Endpoint> endpoints() {
        return List.of(a, b);
    }

    /** The link's IPv4 network; empty if neither endpoint has an IPv4 address. */
    public Optional<IpPrefix> ipv4Subnet() {
        return subnet(Endpoint::ipv4);
    }

    /** The link's IPv6 network; empty if neither endpoint has an IPv6 address. */
    public Optional<IpPrefix> ipv6Subnet() {
        return subnet(Endpoint::ipv6);
    }

    public boolean connects(String node) {
        return a.node().equals(node) || b.node().equals(node);
    }

    /** The endpoint on {@code node}; throws if the link does not touch that node. */
    public Endpoint endpointOf(String node) {
        if (a.node().equals(node)) {
            return a;
        }
        if (b.node().equals(node)) {
            return b;
        }
        throw new IllegalArgumentException("link " + this + " does not connect node '" + node + "'");
    }

    /** The endpoint at the other end from {@code node}; throws if the link does not touch that node. */
    public Endpoint peerOf(String node) {
        return endpointOf(node) == a ? b : a;
    }

    @Override
    public String toString() {
        return a + " <-> " + b;
    }

    // A validated topology guarantees both addresses share one subnet, so either end answers.
    private Optional<IpPrefix> subnet(Function<Endpoint, Optional<InterfaceAddress>> family) {
        return family.apply(a).or(() -> family.apply(b)).map(InterfaceAddress::subnet);
    }
}
