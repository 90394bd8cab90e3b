package org.flatracoon.lab.docker;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;

/**
 * Docker names a container's interfaces eth0, eth1… in an order of its own and gives each an
 * address of its choosing. This builds the script that finds each interface by the IPv4 address
 * Docker gave it, renames it to the name written in the topology, and leaves on it exactly the
 * addresses the topology declares.
 */
final class InterfaceWiring {

    /** One Docker network attachment of a node and the topology endpoint it realises. */
    record Attachment(String dockerIpv4, Endpoint endpoint) {
    }

    private InterfaceWiring() {
    }

    static String script(List<Attachment> attachments) {
        StringBuilder script = new StringBuilder("""
                set -e
                dev_with() { ip -o addr show | awk -v a="$1" '{ split($4, p, "/"); if (p[1] == a) { print $2; exit } }'; }
                """);
        // Two passes, because a wanted name may be the name Docker gave another interface.
        for (int i = 0; i < attachments.size(); i++) {
            String ipv4 = attachments.get(i).dockerIpv4();
            script.append("d=$(dev_with ").append(ipv4).append(")\n")
                    .append("[ -n \"$d\" ] || { echo \"no interface has the address ").append(ipv4)
                    .append(" Docker assigned\" >&2; exit 1; }\n")
                    .append("ip link set dev \"$d\" down\n")
                    .append("ip link set dev \"$d\" name flrtmp").append(i).append('\n');
        }
        for (int i = 0; i < attachments.size(); i++) {
            Endpoint endpoint = attachments.get(i).endpoint();
            String iface = endpoint.iface();
            script.append("ip link set dev flrtmp").append(i).append(" name ").append(iface).append('\n')
                    .append("ip addr flush dev ").append(iface).append(" scope global\n");
            endpoint.ipv4().ifPresent(address -> script.append(addAddress(address, iface, false)));
            endpoint.ipv6().ifPresent(address -> script.append(addAddress(address, iface, true)));
            script.append("ip link set dev ").append(iface).append(" up\n");
        }
        return script.toString();
    }

    /** Re-applies the declared addresses after a link comes back (IPv6 ones may go with the carrier). */
    static String restoreAddresses(Endpoint endpoint) {
        StringBuilder script = new StringBuilder("set -e\n");
        Optional<InterfaceAddress> ipv4 = endpoint.ipv4();
        Optional<InterfaceAddress> ipv6 = endpoint.ipv6();
        ipv4.ifPresent(address -> script.append(replaceAddress(address, endpoint.iface(), false)));
        ipv6.ifPresent(address -> script.append(replaceAddress(address, endpoint.iface(), true)));
        return script.toString();
    }

    private static String addAddress(InterfaceAddress address, String iface, boolean ipv6) {
        // nodad: lab addresses are unique by construction (the loader checks), so they are usable at once.
        return "ip " + (ipv6 ? "-6 " : "") + "addr add " + address + " dev " + iface + (ipv6 ? " nodad" : "") + "\n";
    }

    private static String replaceAddress(InterfaceAddress address, String iface, boolean ipv6) {
        return "ip " + (ipv6 ? "-6 " : "") + "addr replace " + address + " dev " + iface + (ipv6 ? " nodad" : "") + "\n";
    }
}
