package org.flatracoon.netstack.hesiod.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.flatracoon.netstack.hesiod.config.HesiodConfig;
import org.flatracoon.netstack.hesiod.tsig.TsigKeyring;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;

/**
 * The running Hesiod server: DNS over UDP and TCP (queries, AXFR/IXFR out, UPDATE, NOTIFY out), plus HTTP
 * for /health and /metrics.
 * {@link #start} returns once everything is bound; {@link #close} stops it all.
 */
public final class HesiodServer implements AutoCloseable {
    private final ZoneSet zones;
    private final HesiodServerConfig config;
    private final HesiodMetrics metrics;
    private final NotifySender notifier;
    private volatile StatusHttpServer http;
    private volatile DnsListeners dns;

    private HesiodServer(ZoneSet zones, HesiodServerConfig config, HesiodMetrics metrics, NotifySender notifier) {
        this.zones = zones;
        this.config = config;
        this.metrics = metrics;
        this.notifier = notifier;
    }

    /** Serves zones that never change: no transfers, no updates (what {@code --zone FILE} gives). */
    public static HesiodServer start(HesiodZones zones, HesiodServerConfig config) throws IOException {
        return start(ZoneSet.ofStatic(zones), TsigKeyring.empty(), config);
    }

    /**
     * Loads the configured zones, replays their journals and serves them with transfers, updates and NOTIFY.
     *
     * @throws ZoneLoadException for every problem with a zone file or journal, all at once
     */
    public static HesiodServer start(HesiodConfig hesiodConfig, HesiodServerConfig config)
            throws IOException, ZoneLoadException {
        ZoneSet zones = ZoneSet.open(hesiodConfig);
        try {
            return start(zones, new TsigKeyring(hesiodConfig.keys(), Clock.systemUTC()), config);
        } catch (IOException | RuntimeException e) {
            zones.close();
            throw e;
        }
    }

    private static HesiodServer start(ZoneSet zones, TsigKeyring keyring, HesiodServerConfig config)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        HesiodMetrics metrics = new HesiodMetrics(registry);
        NotifySender notifier = new NotifySender(keyring, metrics);
        HesiodServer server = new HesiodServer(zones, config, metrics, notifier);
        PacketProcessor processor = new MessageDispatcher(zones, keyring, metrics, notifier, Clock.systemUTC());

        // HTTP first, so that /health can say "not ready" until the DNS sockets are bound
        server.http = StatusHttpServer.start(
                DnsListeners.addresses(config.listenAddresses(), config.httpPort()), server::health, registry);
        try {
            server.dns = DnsListeners.start(config, processor);
        } catch (IOException | RuntimeException e) {
            server.http.close();
            notifier.close();
            throw e;
        }
        // As BIND does when it loads a zone: tell the secondaries now, so one that started first (and
        // failed its first refresh) need not wait for its retry timer to get the zone.
        zones.all().forEach(notifier::zoneChanged);
        return server;
    }

    /** The zones as queries see them right now. */
    public HesiodZones zones() {
        return zones.queryView();
    }

    public HealthReport health() {
        List<HealthReport.ZoneStatus> zoneStatus = zones.all().stream()
                .map(ServedZone::zone)
                .map(z -> new HealthReport.ZoneStatus(z.apex().toString(), "primary", z.serial(), z.recordCount()))
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
        String served = zones.queryView().all().stream().map(HesiodZone::toString).collect(Collectors.joining(", "));
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
            notifier.close();
            http.close();
            zones.close();
        }
    }
}
