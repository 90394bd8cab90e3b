package org.flatracoon.netstack.bgp.config;

import java.net.InetAddress;
import java.util.Set;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.wire.Family;

/**
 * One configured neighbour. {@code importPolicy}/{@code exportPolicy} are null when none is named (then RFC 8212
 * applies to eBGP). {@code maxPrefix} and {@code maxPrefixRestart} are -1 when not set. {@code port} is the
 * neighbour's BGP port (179; another one for tests); {@code localAddress} (or null) is bound before connecting.
 */
public record NeighborConfig(InetAddress address, long remoteAs, String description, boolean passive, int holdTime,
                             int connectRetry, boolean routeReflectorClient, boolean nextHopSelf, Policy importPolicy,
                             Policy exportPolicy, long maxPrefix, int maxPrefixRestart, Set<Family> families,
                             byte[] ipv6NextHop, byte[] ipv4NextHop, int port, InetAddress localAddress) {
    public boolean ebgp(long ownAs) {
        return remoteAs != ownAs;
    }
}
