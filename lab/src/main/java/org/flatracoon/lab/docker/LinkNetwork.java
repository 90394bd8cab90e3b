package org.flatracoon.lab.docker;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * The Docker network that realises one link: internal (no way out of the lab), IPv6-enabled when
 * the link has IPv6, with the link's own subnets. Docker insists on a gateway address; it gets
 * the highest address of the subnet that no endpoint uses (IPv4: x.x.x.254 in a /24).
 */
record LinkNetwork(String name, LinkSpec link) {

    static LinkNetwork of(String labName, int index, LinkSpec link) {
        String raw = "flr-" + labName + "-" + index + "-" + link.a().node() + "-" + link.b().node();
        return new LinkNetwork(raw.length() > 60 ? raw.substring(0, 60) : raw, link);
    }

    Optional<String> ipv4Gateway() {
        return link.ipv4Subnet().map(this::unusedHighAddress);
    }

    Optional<String> ipv6Gateway() {
        return link.ipv6Subnet().map(this::unusedHighAddress);
    }

    String linkLabel() {
        return link.a().node() + ":" + link.a().iface() + "--" + link.b().node() + ":" + link.b().iface();
    }

    private String unusedHighAddress(IpPrefix subnet) {
        Set<InetAddress> used = link.endpoints().stream()
                .flatMap(endpoint -> endpoint.addresses().stream())
                .map(address -> address.address())
                .collect(Collectors.toSet());
        // Docker's IPv6 allocator cannot hand out the very last address of a prefix; one below is fine.
        InetAddress candidate = subnet.isIpv4() ? subnet.lastHost() : previous(subnet.lastHost());
        while (used.contains(candidate)) {
            candidate = previous(candidate);
            if (!subnet.contains(candidate) || candidate.equals(subnet.network())) {
                throw new IllegalStateException("link " + linkLabel() + ": subnet " + subnet
                        + " has no address left for the Docker bridge");
            }
        }
        return candidate.getHostAddress();
    }

    private static InetAddress previous(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i]-- != 0) {
                break;
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean joins(Endpoint endpoint) {
        return link.endpoints().contains(endpoint);
    }
}
