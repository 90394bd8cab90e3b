package org.flatracoon.netstack.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.hesiod.config.ConfigLoader;
import org.flatracoon.netstack.hesiod.server.HesiodServer;
import org.flatracoon.netstack.hesiod.server.HesiodServerConfig;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netstack hesiod serve}: loads the zones and serves them until SIGTERM. {@code --zone} serves files as
 * they are; {@code --config} adds TSIG keys, transfers, dynamic updates with a journal, and NOTIFY.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serve Hesiod zones over DNS (UDP and TCP) with /health and /metrics over HTTP; runs until SIGTERM.")
final class HesiodServeCommand implements Callable<Integer> {
    /** Exit code when a zone file, journal or the configuration is wrong, so scripts can tell it from other failures. */
    static final int ZONE_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger("hesiod");

    @Spec
    CommandSpec spec;

    @Option(names = "--zone", paramLabel = "FILE",
            description = "Zone file (RFC 1035 master file, class IN or HS), served read-only. Repeat for several zones.")
    List<Path> zoneFiles = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration: state-dir, TSIG keys, zones with notify, allow-transfer, transfer-key "
                    + "and update-key. Instead of --zone.")
    Path configFile;

    @Option(names = "--dns-port", paramLabel = "PORT", defaultValue = "53",
            description = "UDP and TCP port for DNS (default: ${DEFAULT-VALUE}).")
    int dnsPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port for /health and /metrics (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = "Address for DNS and HTTP; repeat for several. Default: all addresses, IPv4 and IPv6.")
    List<InetAddress> listen = new ArrayList<>();

    @Option(names = "--udp-workers", paramLabel = "N",
            description = "Threads answering UDP queries per address (default: number of CPUs, at least 2).")
    Integer udpWorkers;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        HesiodServerConfig config = config();
        if (configFile != null && !zoneFiles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--zone and --config cannot be combined: list the zones"
                    + " in the configuration file");
        }
        if (configFile == null && zoneFiles.isEmpty()) {
            // the wording picocli used when --zone was the only way, which scripts may match
            throw new ParameterException(spec.commandLine(), "Missing required option: '--zone=FILE'");
        }
        HesiodServer server;
        try {
            server = configFile != null
                    ? HesiodServer.start(ConfigLoader.load(configFile), config)
                    : HesiodServer.start(ZoneLoader.loadAll(zoneFiles), config);
        } catch (ZoneLoadException e) {
            HesiodCheckCommand.printProblems(e, err);
            return ZONE_ERROR;
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": cannot listen on DNS port " + dnsPort + " or HTTP port " + httpPort
                    + ": " + Netstack.describe(e));
            return Netstack.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "hesiod-shutdown"));
        LOG.info("hesiod: {}", server.describe());
        reloadOnSighup(server);
        stopped.await();
        return 0;
    }

    /** SIGHUP re-reads the zone files, like POST /reload (where the JVM lets us handle the signal). */
    @SuppressWarnings("sunapi")
    private static void reloadOnSighup(HesiodServer server) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                var report = server.reload();
                LOG.info("hesiod: SIGHUP reload: {}", report.zones().stream()
                        .map(z -> z.name() + " " + z.result()).toList());
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.info("hesiod: SIGHUP not available ({}); use POST /reload", e.toString());
        }
    }

    private HesiodServerConfig config() {
        try {
            HesiodServerConfig defaults = HesiodServerConfig.defaults();
            return new HesiodServerConfig(listen, dnsPort, httpPort,
                    udpWorkers != null ? udpWorkers : defaults.udpWorkers(),
                    defaults.maxTcpConnections(), defaults.tcpIdleTimeout());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void stop(HesiodServer server, CountDownLatch stopped) {
        LOG.info("hesiod: stopping");
        try {
            server.close();
            LOG.info("hesiod: stopped");
        } catch (IOException e) {
            LOG.warn("hesiod: error while stopping: {}", e.toString());
        } finally {
            stopped.countDown();
        }
    }
}
