package org.flatracoon.netstack.hesiod.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the server listens.
 *
 * @param listenAddresses   addresses for DNS and HTTP; empty means all addresses, IPv4 and IPv6
 * @param dnsPort           UDP and TCP port; 0 picks a free port (the same for UDP and TCP)
 * @param httpPort          port of /health and /metrics; 0 picks a free port
 * @param udpWorkers        threads receiving and answering on each UDP socket
 * @param maxTcpConnections concurrent TCP connections per address; more are closed on accept
 * @param tcpIdleTimeout    a TCP connection without data for this long is closed
 */
public record HesiodServerConfig(List<InetAddress> listenAddresses, int dnsPort, int httpPort, int udpWorkers,
                                 int maxTcpConnections, Duration tcpIdleTimeout) {

    public static final int DEFAULT_DNS_PORT = 53;
    public static final int DEFAULT_HTTP_PORT = 8080;

    public HesiodServerConfig {
        listenAddresses = List.copyOf(listenAddresses);
        requirePort(dnsPort, "DNS port");
        requirePort(httpPort, "HTTP port");
        if (udpWorkers < 1 || maxTcpConnections < 1) {
            throw new IllegalArgumentException("udpWorkers and maxTcpConnections must be at least 1");
        }
        if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()) {
            throw new IllegalArgumentException("tcpIdleTimeout must be positive");
        }
    }

    /** Port 53 and 8080 on all addresses, one UDP worker per core (at least two). */
    public static HesiodServerConfig defaults() {
        return new HesiodServerConfig(List.of(), DEFAULT_DNS_PORT, DEFAULT_HTTP_PORT,
                Math.max(2, Runtime.getRuntime().availableProcessors()), 128, Duration.ofSeconds(10));
    }

    public HesiodServerConfig withListenAddresses(List<InetAddress> addresses) {
        return new HesiodServerConfig(addresses, dnsPort, httpPort, udpWorkers, maxTcpConnections, tcpIdleTimeout);
    }

    public HesiodServerConfig withPorts(int dns, int http) {
        return new HesiodServerConfig(listenAddresses, dns, http, udpWorkers, maxTcpConnections, tcpIdleTimeout);
    }

    public HesiodServerConfig withTcpLimits(int maxConnections, Duration idleTimeout) {
        return new HesiodServerConfig(listenAddresses, dnsPort, httpPort, udpWorkers, maxConnections, idleTimeout);
    }

    private static void requirePort(int port, String what) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " " + port + " is not in 0..65535");
        }
    }
}
