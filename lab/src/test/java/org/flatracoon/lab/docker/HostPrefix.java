package org.flatracoon.lab.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.flatracoon.lab.topology.IpPrefix;

/**
 * This machine's own IPv4 network, read at run time, for topologies that must clash with it
 * (what HostNetworks is there to refuse). Empty when the machine has no usable one.
 */
final class HostPrefix {

    private HostPrefix() {
    }

    /** The first non-loopback, non-Docker IPv4 prefix with room for two hosts (/30 or wider). */
    static Optional<IpPrefix> find() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isLoopback() || !nic.isUp() || nic.getName().startsWith("br-") || nic.getName().startsWith("docker")
                        || nic.getName().startsWith("veth")) {
                    continue;
                }
                for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                    if (address.getAddress() instanceof Inet4Address && !address.getAddress().isLinkLocalAddress()
                            && address.getNetworkPrefixLength() <= 30) {
                        return Optional.of(new IpPrefix(address.getAddress(), address.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    /** A two-node lab (a:eth1 -- b:eth1) whose one link uses {@code subnet}, written into {@code dir}. */
    static Path topologyUsing(Path dir, String labName, IpPrefix subnet) {
        String a = subnet.hostAt(1).getHostAddress() + "/" + subnet.length();
        String b = subnet.hostAt(2).getHostAddress() + "/" + subnet.length();
        String yaml = "name: " + labName + "\n"
                + "topology:\n"
                + "  nodes:\n"
                + "    a: {kind: host}\n"
                + "    b: {kind: host}\n"
                + "  links:\n"
                + "    - endpoints: [\"a:eth1\", \"b:eth1\"]\n"
                + "      ipv4: [" + a + ", " + b + "]\n";
        try {
            return Files.writeString(dir.resolve(labName + ".clab.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
