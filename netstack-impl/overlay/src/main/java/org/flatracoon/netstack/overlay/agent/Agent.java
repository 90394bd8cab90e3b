package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.overlay.config.AgentSettings;
import org.flatracoon.netstack.overlay.http.HttpService;
import org.flatracoon.netstack.overlay.http.HttpService.Response;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.StateFiles;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;
import org.flatracoon.netstack.overlay.netconf.NetworkConfig;
import org.flatracoon.netstack.overlay.netconf.Route;
import org.flatracoon.netstack.overlay.netconf.SignedConfig;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.UdpDatagrams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member agent: joins one network, keeps its config fresh, brings the TAP and its addresses and routes in line
 * with the config in force, runs the {@link DataPlane}, and reports {@code /health} and {@code /metrics}.
 * Status values are ZeroTier's: REQUESTING_CONFIGURATION, OK, ACCESS_DENIED, NOT_FOUND.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("overlay");
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

    private final AgentSettings settings;
    private final Identity identity;
    private final NetworkId nwid;
    private final HostInterfaces host;
    private final Datagrams udp;
    private final AgentMetrics metrics;
    private final DataPlane plane;
    private final ConfigClient client;
    private final Path savedConfig;
    private final ScheduledExecutorService config = daemonScheduler("overlay-config");
    private final ScheduledExecutorService paths = daemonScheduler("overlay-paths");
    private final Thread receiver;
    private HttpService http;

    // guarded by this
    private String status = "REQUESTING_CONFIGURATION";
    private boolean controllerReachable;
    private long revision;
    private VirtualPort port;
    private int mtu;
    private boolean up;
    private final Set<String> addresses = new LinkedHashSet<>();
    private final Set<Route> routes = new LinkedHashSet<>();
    private String interfaceError;

    private Agent(AgentSettings settings, Identity identity, HostInterfaces host, Datagrams udp,
                  Duration probeInterval) {
        this.settings = settings;
        this.identity = identity;
        this.nwid = settings.network();
        this.host = host;
        this.udp = udp;
        this.savedConfig = settings.stateDir().resolve("network-" + nwid + ".json");
        this.metrics = new AgentMetrics(this::peersByPath, this::revision);
        InetSocketAddress relay = settings.relay().orElse(new InetSocketAddress(settings.controller().getAddress(),
                org.flatracoon.netstack.overlay.config.ControllerSettings.DEFAULT_PORT));
        long relayAddress = settings.relayAddress().orElse(nwid.controller()).value();
        this.plane = new DataPlane(identity, nwid, new SecureRandom().nextLong(), udp, relay, relayAddress,
                settings.root(), metrics, 3 * probeInterval.toNanos(), () -> config.execute(this::poll));
        this.client = new ConfigClient(settings.controller(), identity, nwid);
        this.receiver = new Thread(plane::runReceive, "overlay-rx");
        this.receiver.setDaemon(true);
    }

    /** Starts an agent on the real host: TAP via /dev/net/tun, `ip` for addresses and routes. */
    public static Agent start(AgentSettings settings) throws IOException {
        UdpDatagrams udp = UdpDatagrams.bind(new InetSocketAddress(settings.udpPort()));
        return start(settings, new LinuxInterfaces(), udp, PROBE_INTERVAL);
    }

    public static Agent start(AgentSettings settings, HostInterfaces host, Datagrams udp, Duration probeInterval)
            throws IOException {
        Identity identity = Identity.loadOrCreate(settings.stateDir());
        Agent agent = new Agent(settings, identity, host, udp, probeInterval);
        try {
            agent.http = HttpService.start(new InetSocketAddress(settings.httpPort()), "overlay-agent", agent::http);
        } catch (IOException e) {
            udp.close();
            throw e;
        }
        agent.receiver.start();
        agent.restoreSavedConfig();
        agent.config.scheduleWithFixedDelay(agent::poll, 0, settings.configPoll().toMillis(), TimeUnit.MILLISECONDS);
        agent.paths.scheduleWithFixedDelay(agent::tick, probeInterval.toMillis(), probeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return agent;
    }

    public Identity identity() {
        return identity;
    }

    public int httpPort() {
        return http.port();
    }

    public int udpPort() {
        return udp.port();
    }

    public AgentMetrics metrics() {
        return metrics;
    }

    public synchronized String status() {
        return status;
    }

    public synchronized long revision() {
        return revision;
    }

    public String describe() {
        return "member " + identity.address() + " of " + nwid + " on UDP :" + udp.port() + ", HTTP :" + http.port()
                + ", interface " + settings.interfaceName();
    }

    private void tick() {
        try {
            plane.tick();
        } catch (RuntimeException e) {
            LOG.warn("path upkeep failed", e);
        }
    }

    // ---------------------------------------------------------------- config

    private void restoreSavedConfig() {
        if (!Files.exists(savedConfig)) {
            return;
        }
        try {
            SignedConfig saved = SignedConfig.JSON.readValue(savedConfig.toFile(), SignedConfig.class);
            apply(saved);
            LOG.info("overlay: network {} restored from {} (revision {})", nwid, savedConfig, revision());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("overlay: ignoring saved config {}: {}", savedConfig, e.getMessage());
        }
    }

    private void poll() {
        ConfigClient.Answer answer;
        try {
            answer = client.request(endpoints(), settings.podSubnets().stream().map(Cidr::toString).toList());
        } catch (RuntimeException e) {
            LOG.warn("config request failed", e);
            return;
        }
        try {
            if (answer instanceof ConfigClient.Granted g) {
                reachable(true);
                apply(g.config());
                metrics.configRequest("ok");
            } else if (answer instanceof ConfigClient.Denied) {
                reachable(true);
                metrics.configRequest("access_denied");
                withdraw("ACCESS_DENIED");
            } else if (answer instanceof ConfigClient.NotFound) {
                reachable(true);
                metrics.configRequest("not_found");
                withdraw("NOT_FOUND");
            } else if (answer instanceof ConfigClient.Unreachable u) {
                metrics.configRequest("unreachable");
                if (reachable(false)) {
                    LOG.warn("overlay: controller unreachable ({}); the config in force stays", u.why());
                }
            }
        } catch (IllegalArgumentException e) {
            metrics.configRequest("invalid");
            LOG.warn("overlay: refusing a config: {}", e.getMessage());
        }
    }

    /** Returns true if reachability changed. */
    private synchronized boolean reachable(boolean now) {
        boolean changed = controllerReachable != now;
        controllerReachable = now;
        return changed;
    }

    /** Puts a verified config in force; an older revision than ours is ignored (no rollback). */
    private synchronized void apply(SignedConfig signed) {
        NetworkConfig cfg = signed.verify(nwid, identity.address());
        NetworkView current = plane.view();
        if (current != null && cfg.revision() < revision) {
            return;
        }
        boolean changed = current == null || cfg.revision() != revision || !status.equals("OK");
        plane.view(NetworkView.of(cfg, signed.controllerIdentity(), identity, nwid, plane.epoch(), current));
        if (!status.equals("OK")) {
            LOG.info("overlay: network {} OK (revision {}, addresses {})", nwid, cfg.revision(),
                    cfg.assignedAddresses());
        }
        status = "OK";
        revision = cfg.revision();
        configureInterface(cfg);
        if (changed) {
            try {
                StateFiles.writeAtomically(savedConfig, SignedConfig.JSON.writeValueAsBytes(signed), false);
            } catch (IOException e) {
                LOG.warn("overlay: cannot save the config: {}", e.toString());
            }
        }
    }

    /** Deauthorised or network gone: nothing is sent or accepted any more, and the interface loses its addresses. */
    private synchronized void withdraw(String why) {
        if (!status.equals(why)) {
            LOG.info("overlay: network {} {}", nwid, why);
        }
        status = why;
        revision = 0;
        plane.view(null);
        try {
            Files.deleteIfExists(savedConfig);
        } catch (IOException e) {
            LOG.warn("overlay: cannot remove {}: {}", savedConfig, e.getMessage());
        }
        if (port == null) {
            return;
        }
        String name = port.name();
        try {
            for (Route r : List.copyOf(routes)) {
                host.removeRoute(name, r.target(), r.via());
                routes.remove(r);
            }
            for (String a : List.copyOf(addresses)) {
                host.removeAddress(name, a);
                addresses.remove(a);
            }
            if (up) {
                host.down(name);
                up = false;
            }
        } catch (IOException e) {
            interfaceError = e.getMessage();
            LOG.warn("overlay: {}", e.getMessage());
        }
    }

    private void configureInterface(NetworkConfig cfg) {
        try {
            if (port == null) {
                port = host.openTap(settings.interfaceName());
                plane.port(port);
                Thread tx = new Thread(() -> plane.runTransmit(port), "overlay-tx");
                tx.setDaemon(true);
                tx.start();
            }
            String name = port.name();
            if (!up || mtu != cfg.mtu()) {
                host.up(name, MacAddress.of(identity.address(), nwid), cfg.mtu());
                up = true;
                mtu = cfg.mtu();
            }
            Set<String> wantAddresses = new LinkedHashSet<>(cfg.assignedAddresses());
            Set<String> own = new LinkedHashSet<>();
            wantAddresses.forEach(a -> own.add(a.substring(0, a.indexOf('/'))));
            Set<Route> wantRoutes = new LinkedHashSet<>();
            for (Route r : cfg.routes()) {
                if (r.via() != null && !own.contains(r.via())) {
                    wantRoutes.add(r);
                }
            }
            for (Route r : List.copyOf(routes)) {
                if (!wantRoutes.contains(r)) {
                    host.removeRoute(name, r.target(), r.via());
                    routes.remove(r);
                }
            }
            for (String a : List.copyOf(addresses)) {
                if (!wantAddresses.contains(a)) {
                    host.removeAddress(name, a);
                    addresses.remove(a);
                }
            }
            // recorded only once applied, so a failure is retried at the next poll (and reported until then)
            List<String> errors = new ArrayList<>();
            for (String a : wantAddresses) {
                if (!addresses.contains(a)) {
                    try {
                        host.addAddress(name, a);
                        addresses.add(a);
                    } catch (IOException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
            for (Route r : wantRoutes) {
                if (!routes.contains(r)) {
                    try {
                        host.addRoute(name, r.target(), r.via());
                        routes.add(r);
                    } catch (IOException e) {
                        errors.add(e.getMessage());
                    }
                }
            }
            if (!errors.isEmpty() && !String.join("; ", errors).equals(interfaceError)) {
                LOG.warn("overlay: {}", String.join("; ", errors));
            }
            interfaceError = errors.isEmpty() ? null : String.join("; ", errors);
        } catch (IOException e) {
            if (!e.getMessage().equals(interfaceError)) {
                LOG.warn("overlay: {}", e.getMessage()); // once, not at every poll; /health keeps saying it
            }
            interfaceError = e.getMessage();
        }
    }

    /** The underlay addresses we announce: configured, or every address of this host outside the overlay. */
    private List<String> endpoints() {
        List<InetAddress> found = new ArrayList<>(settings.endpoints());
        if (found.isEmpty()) {
            try {
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (!nic.isUp() || nic.isLoopback() || nic.getName().equals(settings.interfaceName())) {
                        continue;
                    }
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (!a.isLinkLocalAddress() && settings.podSubnets().stream().noneMatch(c -> c.contains(a))) {
                            found.add(a);
                        }
                    }
                }
            } catch (SocketException e) {
                LOG.debug("cannot list interfaces: {}", e.getMessage());
            }
        }
        return found.stream().limit(16).map(a -> Ip.format(a) + "/" + udp.port()).toList();
    }

    // ---------------------------------------------------------------- health

    private Map<String, Integer> peersByPath() {
        Map<String, Integer> counts = new TreeMap<>(Map.of("direct", 0, "relay", 0, "none", 0));
        NetworkView v = plane.view();
        if (v != null) {
            for (Peer p : v.peers) {
                counts.merge(plane.pathOf(p), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The {@code /health} document (see README). */
    public synchronized Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        boolean ready = status.equals("OK") && up && interfaceError == null;
        h.put("ready", ready);
        h.put("status", status);
        h.put("address", identity.address().toString());
        h.put("network", nwid.toString());
        h.put("interface", port == null ? settings.interfaceName() : port.name());
        h.put("mac", MacAddress.format(MacAddress.of(identity.address(), nwid)));
        h.put("mtu", mtu);
        h.put("configRevision", revision);
        h.put("controllerReachable", controllerReachable);
        h.put("relayReachable", plane.relayAlive());
        h.put("assignedAddresses", List.copyOf(addresses));
        h.put("routes", routes.stream().map(r -> Map.of("target", r.target(), "via", r.via())).toList());
        if (interfaceError != null) {
            h.put("interfaceError", interfaceError);
        }
        List<Map<String, Object>> peers = new ArrayList<>();
        NetworkView v = plane.view();
        long now = System.nanoTime();
        if (v != null) {
            for (Peer p : v.peers) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", p.addressObject().toString());
                String path = plane.pathOf(p);
                m.put("path", path);
                InetSocketAddress direct = p.direct;
                m.put("endpoint", path.equals("direct") && direct != null
                        ? Ip.format(direct.getAddress()) + "/" + direct.getPort() : null);
                m.put("lastReceiveMillisAgo", p.lastReceiveNanos == 0 ? null
                        : TimeUnit.NANOSECONDS.toMillis(now - p.lastReceiveNanos));
                peers.add(m);
            }
        }
        h.put("peers", peers);
        return h;
    }

    private Response http(HttpService.Request r) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            return Response.error(405, r.method() + " not allowed");
        }
        return switch (r.path()) {
            case "/health", "/status" -> {
                Map<String, Object> h = health();
                yield Response.json(Boolean.TRUE.equals(h.get("ready")) ? 200 : 503, h);
            }
            case "/metrics" -> Response.metrics(metrics.registry);
            default -> Response.error(404, "no such resource: " + r.path());
        };
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        // let a config request in flight finish (and save what it got) rather than interrupt the write
        config.shutdown();
        paths.shutdown();
        try {
            config.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        config.shutdownNow();
        paths.shutdownNow();
        http.close();
        udp.close();
        synchronized (this) {
            if (port != null) {
                port.close();
            }
        }
    }
}
