package org.flatracoon.netstack.dns64.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.hesiod.config.AddressAcl;

/**
 * The DNS64 server's settings, as read by {@link Dns64ConfigLoader}.
 *
 * @param listen addresses for DNS and HTTP; empty means all (IPv4 and IPv6)
 * @param port UDP and TCP port for DNS (0: any free port, for tests)
 * @param upstream recursive resolvers to forward to, tried in order
 * @param upstreamTimeout how long to wait for one upstream server
 * @param prefix the NAT64 prefix (the same as the translator's)
 * @param exclude AAAA ranges treated as absent (RFC 6147 §5.1.4)
 * @param cacheMaxEntries upper bound on cached upstream responses (0: no cache)
 * @param httpPort port for /health and /metrics (0: any free port)
 * @param udpWorkers threads answering UDP per address (each may wait for the upstream)
 * @param allowQuery the clients we answer; others get REFUSED
 */
public record Dns64Config(List<InetAddress> listen, int port, List<InetSocketAddress> upstream,
                          Duration upstreamTimeout, Pref64 prefix, List<Ipv6Range> exclude, int cacheMaxEntries,
                          int httpPort, int udpWorkers, AddressAcl allowQuery) {
    public static final int DEFAULT_PORT = 53;
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_CACHE_ENTRIES = 10_000;
    public static final int DEFAULT_UDP_WORKERS = 8;
    /** Every IPv4 and IPv6 client: an open resolver, unless the configuration says otherwise. */
    public static final AddressAcl ANY_CLIENT = new AddressAcl(List.of(AddressAcl.parsePrefix("0.0.0.0/0"),
            AddressAcl.parsePrefix("::/0")));

    public Dns64Config {
        listen = List.copyOf(listen);
        upstream = List.copyOf(upstream);
        exclude = List.copyOf(exclude);
    }

    /** The same settings on other ports, e.g. 0 and 0 for a test. */
    public Dns64Config withPorts(int dnsPort, int http) {
        return new Dns64Config(listen, dnsPort, upstream, upstreamTimeout, prefix, exclude, cacheMaxEntries, http,
                udpWorkers, allowQuery);
    }
}
