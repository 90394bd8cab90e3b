package org.flatracoon.netstack.hesiod.server;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.flatracoon.netstack.hesiod.config.HesiodConfig;
import org.flatracoon.netstack.hesiod.secondary.DnsTransferClient;
import org.flatracoon.netstack.hesiod.secondary.SavedZone;
import org.flatracoon.netstack.hesiod.secondary.SecondaryZone;
import org.flatracoon.netstack.hesiod.tsig.TsigKeyring;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Hesiod server: DNS over UDP and TCP (queries, AXFR/IXFR out, UPDATE, NOTIFY out), plus HTTP
 * for /health and /metrics.
 * {@link #start} returns once everything is bound; {@link #close} stops it all.
 */
public final class HesiodServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HesiodServer.class);
    private final ZoneSet zones;
    private final HesiodServerConfig config;
    private final HesiodMetrics metrics;
    private final NotifySender notifier;
    private final ScheduledExecutorService refreshers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "hesiod-secondary");
        t.setDaemon(true);
        return t;
    });
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
        return start(ZoneSet.ofStatic(zones), TsigKeyring.empty(), config, null);
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
            return start(zones, new TsigKeyring(hesiodConfig.keys(), Clock.systemUTC()), config,
                    hesiodConfig.stateDir());
        } catch (IOException | RuntimeException e) {
            zones.close();
            throw e;
        }
    }

    private static HesiodServer start(ZoneSet zones, TsigKeyring keyring, HesiodServerConfig config, Path stateDir)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        HesiodMetrics metrics = new HesiodMetrics(registry);
        NotifySender notifier = new NotifySender(keyring, metrics);
        HesiodServer server = new HesiodServer(zones, config, metrics, notifier);
        PacketProcessor processor = new MessageDispatcher(zones, keyring, metrics, notifier, Clock.systemUTC());

        // HTTP first, so that /health can say "not ready" until the DNS sockets are bound
        server.http = StatusHttpServer.start(
                DnsListeners.addresses(config.listenAddresses(), config.httpPort()), server::health, server::reload,
                registry);
        try {
            server.dns = DnsListeners.start(config, processor);
        } catch (IOException | RuntimeException e) {
            server.http.close();
            notifier.close();
            throw e;
        }
        // As BIND does when it loads a zone: tell the secondaries now, so one that started first (and
        // failed its first refresh) need not wait for its retry timer to get the zone.
        zones.all().stream().filter(ServedZone::loaded).forEach(notifier::zoneChanged);
        // secondaries start once we listen, so that a NOTIFY from the primary finds us
        for (ServedZone zone : zones.all()) {
            zone.settings().secondary().ifPresent(s -> {
                SecondaryZone refresher = new SecondaryZone(s, zone, new DnsTransferClient(s, Clock.systemUTC()),
                        server.refreshers, new SecondaryZone.Listener() {
                            @Override
                            public void transferIn(String type, String result) {
                                metrics.transferIn(type, result);
                            }

                            @Override
                            public void changed() {
                                notifier.zoneChanged(zone);
                            }
                        }, stateDir == null ? null : SavedZone.fileFor(stateDir, s.name()));
                zone.attach(refresher);
                refresher.start();
            });
        }
        return server;
    }

    /** The zones as queries see them right now. */
    public HesiodZones zones() {
        return zones.queryView();
    }

    public HealthReport health() {
        List<HealthReport.ZoneStatus> zoneStatus = zones.all().stream()
                .map(z -> {
                    HesiodZone served = z.served();
                    return new HealthReport.ZoneStatus(z.apex().toString(), z.role(), served != null,
                            served == null ? 0 : served.serial(), served == null ? 0 : served.recordCount());
                })
                .toList();
        DnsListeners listeners = dns;
        return new HealthReport(listeners != null && listeners.isRunning(), zoneStatus);
    }

    /**
     * Re-reads every primary zone file: a file whose serial is greater than the served one replaces the zone
     * (journal restarted from it) and the zone's secondaries are notified; anything else leaves the zone as it
     * is, with the reason in the report. Secondary zones refresh from their primary.
     */
    public ReloadReport reload() {
        List<ReloadReport.ZoneReload> results = zones.reload();
        for (ReloadReport.ZoneReload r : results) {
            if (!r.result().equals("refresh")) {
                metrics.reload(r.result());
            }
            if (r.result().equals("reloaded")) {
                zones.byApex(org.xbill.DNS.Name.fromConstantString(r.name())).ifPresent(notifier::zoneChanged);
                LOG.info("reload {}: {}", r.name(), r.message());
            } else if (r.result().equals("failed")) {
                LOG.warn("reload {}: {}\n{}", r.name(), r.message(), String.join("\n", r.problems()));
            }
        }
        return new ReloadReport(results);
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
            refreshers.shutdownNow();
            notifier.close();
            http.close();
            zones.close();
        }
    }
}
