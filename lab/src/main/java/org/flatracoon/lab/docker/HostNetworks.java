package org.flatracoon.lab.docker;

import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.Topology;

/**
 * The machine's own networks. A lab subnet that overlaps one of them would make the machine answer
 * for lab addresses and route lab traffic out of the lab (seen here: a build machine whose uplink
 * is in 192.0.2.0/24), so such a lab is refused before anything is created.
 */
final class HostNetworks {

    private HostNetworks() {
    }

    static void refuseOverlaps(Topology topology) {
        List<IpPrefix> hostPrefixes = hostPrefixes();
        List<String> conflicts = new ArrayList<>();
        for (LinkSpec link : topology.links()) {
            for (IpPrefix subnet : Stream.of(link.ipv4Subnet(), link.ipv6Subnet()).flatMap(Optional::stream).toList()) {
                hostPrefixes.stream().filter(subnet::overlaps).forEach(host -> conflicts.add("link "
                        + link.a().node() + ":" + link.a().iface() + " -- " + link.b().node() + ":" + link.b().iface()
                        + " uses " + subnet + ", which overlaps this machine's network " + host));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new LabException("lab " + topology.name() + " would clash with this machine's own networks:\n  "
                    + String.join("\n  ", conflicts) + "\nchoose other subnets (e.g. another documentation prefix)");
        }
    }

    /** Prefixes of the machine's interfaces, except loopback, link-local and Docker's own bridges. */
    private static List<IpPrefix> hostPrefixes() {
        List<IpPrefix> prefixes = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isLoopback() || nic.getName().startsWith("br-") || nic.getName().startsWith("docker")) {
                    continue;
                }
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (!address.getAddress().isLinkLocalAddress()) {
                        prefixes.add(new IpPrefix(address.getAddress(), address.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            throw new LabException("could not list this machine's network interfaces: " + e.getMessage(), e);
        }
        return prefixes;
    }
}
