package org.flatracoon.lab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the lab's addresses as a whole. Each link becomes its own Docker network, so: both ends
 * of a link share one subnet, no two links share (or overlap) a subnet, no address is used
 * twice, and every address is an ordinary unicast host address.
 */
final class AddressPlan {

    private static final IpPrefix IPV4_THIS_NETWORK = IpPrefix.parse("0.0.0.0/8");
    private static final IpPrefix IPV4_RESERVED = IpPrefix.parse("240.0.0.0/4");
    private static final IpPrefix IPV6_MAPPED_IPV4 = IpPrefix.parse("::ffff:0:0/96");

    private record SubnetUse(IpPrefix subnet, int linkLine) {
    }

    private final ProblemCollector problems;
    private final Map<InetAddress, PlacedLink.AddressUse> usedAddresses = new HashMap<>();
    private final List<SubnetUse> usedSubnets = new ArrayList<>();

    AddressPlan(ProblemCollector problems) {
        this.problems = problems;
    }

    void check(List<PlacedLink> links) {
        for (PlacedLink link : links) {
            // Non-unicast addresses are already wrong; comparing their subnets would only add noise.
            List<PlacedLink.AddressUse> unicast = link.addresses().stream().filter(this::checkHostAddress).toList();
            link.addresses().forEach(this::checkUnique);
            checkSubnet(link.line(), unicast, true);
            checkSubnet(link.line(), unicast, false);
        }
    }

    /** Reports a non-unicast, network or broadcast address; false if the address is not unicast. */
    private boolean checkHostAddress(PlacedLink.AddressUse use) {
        InterfaceAddress address = use.address();
        String subject = address + " on " + use.endpoint();
        Optional<String> nonUnicast = nonUnicastKind(address.address());
        if (nonUnicast.isPresent()) {
            problems.report(use.line(), subject + " is " + nonUnicast.get() + "; link addresses must be unicast");
            return false;
        }
        IpPrefix subnet = address.subnet();
        // /31 and /32 (and /127, /128 for IPv6) have no network or broadcast address to avoid.
        boolean hasSpecialEnds = address.prefixLength() <= (address.isIpv4() ? 30 : 126);
        if (!hasSpecialEnds) {
            return true;
        }
        if (subnet.network().equals(address.address())) {
            problems.report(use.line(), subject + " is the " + (address.isIpv4() ? "network" : "subnet-router anycast")
                    + " address of " + subnet + ", not a host address");
        } else if (address.isIpv4() && subnet.lastAddress().equals(address.address())) {
            problems.report(use.line(), subject + " is the broadcast address of " + subnet + ", not a host address");
        }
        return true;
    }

    private void checkUnique(PlacedLink.AddressUse use) {
        PlacedLink.AddressUse first = usedAddresses.putIfAbsent(use.address().address(), use);
        if (first != null) {
            problems.report(use.line(), "address " + use.address().addressText() + " on " + use.endpoint()
                    + " is already used by " + first.endpoint() + " (line " + first.line() + ")");
        }
    }

    /** Both ends in one subnet, and that subnet used by no other link. */
    private void checkSubnet(int linkLine, List<PlacedLink.AddressUse> addresses, boolean ipv4) {
        List<PlacedLink.AddressUse> uses = addresses.stream()
                .filter(use -> use.address().isIpv4() == ipv4).toList();
        if (uses.isEmpty()) {
            return;
        }
        PlacedLink.AddressUse first = uses.get(0);
        IpPrefix subnet = first.address().subnet();
        for (PlacedLink.AddressUse other : uses.subList(1, uses.size())) {
            if (!subnet.contains(other.address().address())) {
                problems.report(other.line(), "address " + other.address() + " on " + other.endpoint()
                        + " is outside the link's subnet " + subnet + " (from " + first.address()
                        + " on " + first.endpoint() + ")");
            } else if (other.address().prefixLength() != first.address().prefixLength()) {
                problems.report(other.line(), "address " + other.address() + " on " + other.endpoint()
                        + " has prefix length /" + other.address().prefixLength() + " but the link's subnet is "
                        + subnet + " (from " + first.address() + " on " + first.endpoint() + ")");
            }
        }
        for (SubnetUse earlier : usedSubnets) {
            if (earlier.subnet().equals(subnet)) {
                problems.report(first.line(), "subnet " + subnet + " is already used by the link at line "
                        + earlier.linkLine() + "; each link is its own network and needs its own subnet");
            } else if (earlier.subnet().overlaps(subnet)) {
                problems.report(first.line(), "subnet " + subnet + " overlaps " + earlier.subnet()
                        + " of the link at line " + earlier.linkLine() + "; each link needs a subnet of its own");
            }
        }
        usedSubnets.add(new SubnetUse(subnet, linkLine));
    }

    /** Why an address cannot be a host's unicast address, if it cannot. */
    private static Optional<String> nonUnicastKind(InetAddress address) {
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address instanceof Inet4Address && IPV4_THIS_NETWORK.contains(address)) {
            return Optional.of("in 0.0.0.0/8 (\"this network\")");
        }
        if (address.isLinkLocalAddress()) {
            // Unicast in theory, but scoped to one link and set up by the kernel itself; Docker
            // cannot use it as a network's subnet.
            return Optional.of("a link-local address");
        }
        if (IPV4_RESERVED.contains(address)) {
            return Optional.of("a reserved (240.0.0.0/4 or broadcast) address");
        }
        if (IPV6_MAPPED_IPV4.contains(address)) {
            return Optional.of("an IPv4-mapped address");
        }
        return Optional.empty();
    }
}
