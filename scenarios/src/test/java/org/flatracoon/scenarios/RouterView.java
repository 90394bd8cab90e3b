package org.flatracoon.scenarios;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import org.flatracoon.lab.probe.InstalledRoute;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.Topology;

/** Names what a router sees in terms of the lab's model: which neighbour a route leads to, peer addresses. */
final class RouterView {

    private RouterView() {
    }

    /** The neighbour at the other end of the interface the kernel's route leaves by; empty when none. */
    static Optional<String> neighbourOf(Topology topology, String router, InstalledRoute route) {
        return topology.linksOf(router).stream()
                .filter(link -> link.endpointOf(router).iface().equals(route.device()))
                .map(link -> link.peerOf(router).node())
                .findFirst();
    }

    /** The address traffic to a prefix is looked up for: its first host. */
    static String firstHostOf(String prefix) {
        InetAddress first = IpPrefix.parse(prefix).hostAt(1);
        return new InterfaceAddress(first, first instanceof Inet4Address ? 32 : 128).addressText();
    }

    /** {@code neighbour}'s address on the link it shares with {@code router}, in the given family. */
    static String peerAddress(Topology topology, String router, String neighbour, boolean ipv6) {
        LinkSpec link = topology.linkBetween(router, neighbour).orElseThrow(() -> new IllegalStateException(
                "lab " + topology.name() + " has no link between " + router + " and " + neighbour));
        Endpoint end = link.endpointOf(neighbour);
        return (ipv6 ? end.ipv6() : end.ipv4()).map(InterfaceAddress::addressText).orElseThrow(() ->
                new IllegalStateException(neighbour + " has no " + (ipv6 ? "IPv6" : "IPv4") + " address towards " + router));
    }
}
