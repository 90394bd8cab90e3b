package org.flatracoon.netstack.hesiod.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flatracoon.netstack.hesiod.query.QueryHandler;
import org.flatracoon.netstack.hesiod.query.Reply;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;

/**
 * The running Hesiod server: DNS over UDP and TCP, plus HTTP for /health and /metrics.
 * {@link #start} returns once everything is bound; {@link #close} stops it all.
 */
public final class HesiodServer implements AutoCloseable {
    private final HesiodZones zones;
    private final HesiodServerConfig config;
    private final HesiodMetrics metrics;
    private volatile StatusHttpServer http;
    private volatile DnsListeners dns;

    private HesiodServer(HesiodZones zones, HesiodServerConfig config, HesiodMetrics metrics) {
        this.zones = zones;
        this.config = config;
        this.metrics = metrics;
    }

    public static HesiodServer start(HesiodZones zones, HesiodServerConfig config) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        HesiodServer server = new HesiodServer(zones, config, new HesiodMetrics(registry));
        QueryHandler handler = new QueryHandler(zones);
        PacketProcessor processor = (packet, transport) -> process(handler, server.metrics, packet, transport);

        // HTTP first, so that /health can say "not ready" until the DNS sockets are bound
        server.http = StatusHttpServer.start(
                DnsListeners.addresses(config.listenAddresses(), config.httpPort()), server::health, registry);
        try {
            server.dns = DnsListeners.start(config, processor);
        } catch (IOException | RuntimeException e) {
            server.http.close();
            throw e;
        }
        return server;
    }

    private static Optional<byte[]> process(QueryHandler handler, HesiodMetrics metrics, byte[] packet,
                                            Transport transport) {
        long start = System.nanoTime();
        Reply reply = handler.handle(packet, transport);
        metrics.record(transport, reply, System.nanoTime() - start);
        return reply.wire();
    }

    public HealthReport health() {
        List<HealthReport.ZoneStatus> zoneStatus = zones.all().stream()
                .map(z -> new HealthReport.ZoneStatus(z.apex().toString(), z.serial(), z.recordCount()))
                .toList();
        DnsListeners listeners = dns;
        return new HealthReport(listeners != null && listeners.isRunning(), zoneStatus);
    }

    /** The DNS port actually bound (useful when the configuration asked for port 0). */
    public int dnsPort() {
        return dns.port();
    }

    public int httpPort() {
        return http.port();
    }

    public HesiodMetrics metrics() {
        return metrics;
    }

    /** One line for the log, e.g. {@code serving ns.example.org. (serial 1, 42 records) on UDP/TCP :53, HTTP :8080}. */
    public String describe() {
        String served = zones.all().stream().map(HesiodZone::toString).collect(Collectors.joining(", "));
        return "serving " + served + " on UDP/TCP " + endpoints(dnsPort()) + ", HTTP " + endpoints(httpPort());
    }

    private String endpoints(int port) {
        if (config.listenAddresses().isEmpty()) {
            return ":" + port;
        }
        return config.listenAddresses().stream().map(a -> hostPort(a, port)).collect(Collectors.joining(" "));
    }

    private static String hostPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() throws IOException {
        try {
            DnsListeners listeners = dns;
            if (listeners != null) {
                listeners.close();
            }
        } finally {
            http.close();
        }
    }
}
