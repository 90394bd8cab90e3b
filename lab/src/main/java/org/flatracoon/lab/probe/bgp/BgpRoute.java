package org.flatracoon.lab.probe.bgp;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One path to a prefix that a router learned over BGP, as the router reports it.
 *
 * @param prefix      e.g. 203.0.113.232/29 or 2001:db8:b7:2::/64
 * @param nextHop     the BGP next hop (the global one for IPv6), compressed
 * @param asPath      the AS numbers of the AS_PATH, nearest first (set members in the order shown)
 * @param communities standard communities as {@code ASN:value}
 * @param best        whether the router chose this path
 */
public record BgpRoute(String prefix, String nextHop, List<Long> asPath, List<String> communities, boolean best) {

    public BgpRoute {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(nextHop, "nextHop");
        asPath = List.copyOf(asPath);
        communities = List.copyOf(communities);
    }

    /** The AS path as routers print it, e.g. "65003 65002". */
    public String asPathText() {
        return asPath.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return prefix + " via " + nextHop + " [" + asPathText() + "]" + (best ? " best" : "")
                + (communities.isEmpty() ? "" : " " + communities);
    }
}
