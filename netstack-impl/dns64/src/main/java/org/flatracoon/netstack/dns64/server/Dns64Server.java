package org.flatracoon.netstack.dns64.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flatracoon.netstack.dns64.cache.AnswerCache;
import org.flatracoon.netstack.dns64.cache.CachingUpstream;
import org.flatracoon.netstack.dns64.config.Dns64Config;
import org.flatracoon.netstack.dns64.prefix.Ipv6Text;
import org.flatracoon.netstack.dns64.resolve.Dns64Resolver;
import org.flatracoon.netstack.dns64.resolve.Synthesis;
import org.flatracoon.netstack.dns64.upstream.DnsUpstream;
import org.flatracoon.netstack.hesiod.server.PacketProcessor;
import org.flatracoon.netstack.hesiod.server.TcpListener;
import org.flatracoon.netstack.hesiod.server.UdpListener;

/** The running DNS64 server: UDP and TCP on every listen address, one common port, and the HTTP status endpoints. */
public final class Dns64Server implements AutoCloseable {
    /** Nothing stays in the cache longer than a day, whatever the TTL says. */
    static final Duration MAX_CACHE_TTL = Duration.ofDays(1);
    private static final int MAX_TCP_CONNECTIONS = 256;
    private static final Duration TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** With port 0, UDP picks the port and TCP may find it taken: try a few times. */
    private static final int EPHEMERAL_ATTEMPTS = 10;

    private final Dns64Config config;
    private final List<UdpListener> udp = new ArrayList<>();
    private final List<TcpListener> tcp = new ArrayList<>();
    private final AnswerCache cache;
    private final Dns64Metrics metrics;
    private StatusHttpServer http;
    private int port;
    private volatile boolean ready;

    private Dns64Server(Dns64Config config, AnswerCache cache, Dns64Metrics metrics) {
        this.config = config;
        this.cache = cache;
        this.metrics = metrics;
    }

    public static Dns64Server start(Dns64Config config) throws IOException {
        return start(config, InstantSource.system());
    }

    /** As above, with the clock the cache ages answers by. */
    public static Dns64Server start(Dns64Config config, InstantSource clock) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        Dns64Metrics metrics = new Dns64Metrics(registry);
        AnswerCache cache = new AnswerCache(clock, config.cacheMaxEntries(), MAX_CACHE_TTL);
        DnsUpstream upstream = new DnsUpstream(config.upstream(), config.upstreamTimeout(), metrics);
        Dns64Resolver resolver = new Dns64Resolver(new CachingUpstream(upstream, cache, metrics),
                new Synthesis(config.prefix(), config.exclude()));
        QueryProcessor processor = new QueryProcessor(resolver, config.allowQuery(), metrics);
        Dns64Server server = new Dns64Server(config, cache, metrics);
        try {
            server.bindDns(processor);
            server.http = StatusHttpServer.start(addresses(config.listen(), config.httpPort()), server::health, registry);
            server.ready = true;
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The hesiod server's DNS listeners, handing every message with its client address, which
     * decides allow-query; they only ever call {@code exchange}.
     */
    private static PacketProcessor packets(QueryProcessor processor) {
        return new PacketProcessor() {
            @Override
            public Optional<byte[]> process(byte[] packet, org.flatracoon.netstack.hesiod.query.Transport transport) {
                throw new UnsupportedOperationException("a DNS64 answer depends on the client: use exchange");
            }

            @Override
            public List<byte[]> exchange(byte[] packet, org.flatracoon.netstack.hesiod.query.Transport transport,
                    InetAddress client) {
                return processor.process(packet, Transport.valueOf(transport.name()), client).map(List::of)
                        .orElse(List.of());
            }
        };
    }

    private void bindDns(QueryProcessor processor) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                int p = config.port();
                for (InetSocketAddress address : addresses(config.listen(), p)) {
                    UdpListener u = UdpListener.bind("dns64", new InetSocketAddress(address.getAddress(), p),
                            packets(processor));
                    udp.add(u);
                    p = u.localAddress().getPort();
                    tcp.add(TcpListener.bind("dns64", new InetSocketAddress(address.getAddress(), p), packets(processor),
                            MAX_TCP_CONNECTIONS, TCP_IDLE_TIMEOUT));
                }
                port = p;
                for (UdpListener u : udp) {
                    u.start(config.udpWorkers());
                }
                tcp.forEach(TcpListener::start);
                return;
            } catch (BindException e) {
                closeListeners();
                if (config.port() != 0 || attempt == EPHEMERAL_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** No address means the wildcard, which on a dual-stack host accepts IPv4 and IPv6 alike. */
    private static List<InetSocketAddress> addresses(List<InetAddress> listen, int port) {
        if (listen.isEmpty()) {
            return List.of(new InetSocketAddress(port));
        }
        return listen.stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    public HealthReport health() {
        return new HealthReport(ready, config.prefix().toString(),
                config.upstream().stream().map(Dns64Server::text).toList(), cache.size());
    }

    public int dnsPort() {
        return port;
    }

    public int httpPort() {
        return http.port();
    }

    public Dns64Metrics metrics() {
        return metrics;
    }

    /** One line for the log: prefix, upstreams and ports. */
    public String describe() {
        String clients = config.allowQuery().equals(Dns64Config.ANY_CLIENT) ? "any client (an open resolver: see"
                + " allow-query)" : config.allowQuery().prefixes().stream()
                        .map(p -> (p.network() instanceof Inet6Address v6 ? Ipv6Text.format(v6) : p.network().getHostAddress())
                                + "/" + p.length())
                        .collect(Collectors.joining(", "));
        return "DNS64 with prefix " + config.prefix() + ", forwarding to " + String.join(", ", health().upstream())
                + ", on UDP/TCP :" + port + ", HTTP :" + httpPort() + ", answering " + clients;
    }

    private static String text(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address v6
                ? "[" + Ipv6Text.format(v6) + "]:" + a.getPort()
                : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private void closeListeners() throws IOException {
        IOException failure = null;
        List<AutoCloseable> all = new ArrayList<>(udp);
        all.addAll(tcp);
        for (AutoCloseable listener : all) {
            try {
                listener.close();
            } catch (Exception e) {
                failure = failure != null ? failure : new IOException("closing DNS listeners", e);
            }
        }
        udp.clear();
        tcp.clear();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        ready = false;
        if (http != null) {
            http.close();
        }
        closeListeners();
    }
}
