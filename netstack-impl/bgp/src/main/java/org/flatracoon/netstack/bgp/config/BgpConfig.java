package org.flatracoon.netstack.bgp.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.wire.Prefixes;

/** A router's configuration, as read by {@link ConfigLoader}. */
public record BgpConfig(Path file, long routerId, long asn, List<InetAddress> listen, int port, int httpPort,
                        long clusterId, boolean kernel, List<Prefixes.Parsed> networks, Map<String, Policy> policies,
                        List<NeighborConfig> neighbors) {
    public static final int BGP_PORT = 179;
    public static final int HTTP_PORT = 8080;

    public BgpConfig {
        listen = List.copyOf(listen);
        networks = List.copyOf(networks);
        policies = Map.copyOf(policies);
        neighbors = List.copyOf(neighbors);
    }

    /** The same configuration with other ports (tests, or several speakers in one network namespace). */
    public BgpConfig withPorts(int bgpPort, int http) {
        return new BgpConfig(file, routerId, asn, listen, bgpPort, http, clusterId, kernel, networks, policies, neighbors);
    }

    public BgpConfig withKernel(boolean on) {
        return new BgpConfig(file, routerId, asn, listen, port, httpPort, clusterId, on, networks, policies, neighbors);
    }

    public String describe() {
        return "AS " + asn + ", router id " + Prefixes.addressOf(new byte[] {(byte) (routerId >>> 24),
            (byte) (routerId >>> 16), (byte) (routerId >>> 8), (byte) routerId}) + ", " + neighbors.size() + " neighbors, "
                + networks.size() + " networks";
    }
}
