package org.flatracoon.netstack.bgp.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.bgp.config.BgpConfig;
import org.flatracoon.netstack.bgp.config.NeighborConfig;
import org.flatracoon.netstack.bgp.fsm.State;
import org.flatracoon.netstack.bgp.kernel.KernelRoutes;
import org.flatracoon.netstack.bgp.rib.Rib;
import org.flatracoon.netstack.bgp.rib.RibPeer;
import org.flatracoon.netstack.bgp.rib.RouteSink;
import org.flatracoon.netstack.bgp.rib.RouteView;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running speaker: TCP listeners, one {@link Session} per neighbour, the RIB, kernel routes and the status
 * API. {@link #close()} ends every session with Cease/Administrative Shutdown and removes our kernel routes.
 */
public final class BgpSpeaker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("bgp");
    private static final long API_TIMEOUT_SECONDS = 10;
    /** Routes per turn of the event loop when the API walks a table, so sessions are served in between. */
    private static final int CHUNK = 2000;

    private final BgpConfig config;
    private final EventLoop loop;
    private final Rib rib;
    private final KernelRoutes kernel;
    private final BgpMetrics metrics;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private StatusHttpServer http;

    private BgpSpeaker(BgpConfig config, KernelRoutes kernel, PrometheusRegistry registry) throws IOException {
        this.config = config;
        this.kernel = kernel;
        this.loop = new EventLoop("bgp-loop");
        this.metrics = new BgpMetrics(registry);
        RouteSink sink = kernel != null ? kernel : RouteSink.NONE;
        this.rib = new Rib(config.asn(), config.routerId(), config.clusterId(), new AttributeInterner(), sink);
        for (NeighborConfig n : config.neighbors()) {
            Session session = new Session(n, config.asn(), config.routerId(), loop, rib, metrics);
            sessions.put(session.name(), session);
        }
    }

    /** Starts everything; kernel routes only when the configuration asks for them and {@code ip} works. */
    public static BgpSpeaker start(BgpConfig config) throws IOException {
        return start(config, config.kernel() ? new KernelRoutes() : null);
    }

    public static BgpSpeaker start(BgpConfig config, KernelRoutes kernel) throws IOException {
        if (kernel != null && !kernel.start()) {
            kernel = null;
        }
        BgpSpeaker s = new BgpSpeaker(config, kernel, new PrometheusRegistry());
        try {
            s.open();
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void open() throws IOException {
        List<InetAddress> addresses = config.listen();
        if (addresses.isEmpty()) {
            listeners.add(listen(new InetSocketAddress(config.port()), true));
        } else {
            for (InetAddress a : addresses) {
                listeners.add(listen(new InetSocketAddress(a, config.port()), false));
            }
        }
        metrics.gauges(this::snapshot);
        http = StatusHttpServer.start(new InetSocketAddress(config.httpPort()), this::answer, metrics.registry());
        loop.start();
        loop.call(() -> {
            for (ServerSocketChannel l : listeners) {
                loop.register(l, SelectionKey.OP_ACCEPT, k -> accept(l));
            }
            for (Prefixes.Parsed p : config.networks()) {
                rib.originate(p.family(), p.hi(), p.lo(), p.length());
            }
            rib.flush();
            sessions.values().forEach(Session::start);
            return null;
        }).join();
    }

    /** Binds the wildcard address (dual stack where the system has IPv6, else IPv4 only) or the given one. */
    private static ServerSocketChannel listen(InetSocketAddress address, boolean wildcard) throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try {
            ch.bind(address, 64);
        } catch (IOException e) {
            ch.close();
            if (!wildcard) {
                throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
            }
            ch = ServerSocketChannel.open();
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), address.getPort()), 64);
        }
        return ch;
    }

    private void accept(ServerSocketChannel listener) {
        SocketChannel ch;
        try {
            ch = listener.accept();
        } catch (IOException e) {
            LOG.warn("bgp: accept failed: {}", e.toString());
            return;
        }
        if (ch == null) {
            return;
        }
        InetAddress remote;
        try {
            remote = ((InetSocketAddress) ch.getRemoteAddress()).getAddress();
        } catch (IOException e) {
            closeQuietly(ch);
            return;
        }
        Optional<Session> session = sessions.values().stream().filter(s -> s.matches(remote)).findFirst();
        if (session.isEmpty()) {
            LOG.info("bgp: refused a connection from {}: not a configured neighbor", Prefixes.addressOf(remote.getAddress()));
            closeQuietly(ch);
            return;
        }
        session.get().accept(ch);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // gone
        }
    }

    /** Called once if the event loop dies of an Error (e.g. out of memory). */
    public void onFatal(java.util.function.Consumer<Error> handler) {
        loop.onFatal(handler);
    }

    public int httpPort() {
        return http.port();
    }

    /** The port actually bound (useful with port 0 in tests). */
    public int bgpPort() {
        try {
            return ((InetSocketAddress) listeners.get(0).getLocalAddress()).getPort();
        } catch (IOException e) {
            return config.port();
        }
    }

    public BgpMetrics metrics() {
        return metrics;
    }

    public String describe() {
        return config.describe() + ", BGP port " + bgpPort() + ", HTTP port " + httpPort()
                + (kernel != null ? ", kernel routes on" : ", kernel routes off");
    }

    /** Runs on the loop: for tests and tools that need a consistent look at the state. */
    public <T> T inspect(java.util.function.Function<Rib, T> f) {
        return loop.call(() -> f.apply(rib)).join();
    }

    public String state(String neighbor) {
        return loop.call(() -> sessions.get(neighbor).state().label()).join();
    }

    /** Stops one session with Cease/Administrative Shutdown, or restarts it. */
    public void shutdown(String neighbor) {
        loop.call(() -> {
            sessions.get(neighbor).stop(Notification.ADMINISTRATIVE_SHUTDOWN);
            return null;
        }).join();
    }

    // ---- status ----

    private StatusSnapshot snapshot() {
        return loop.call(() -> {
            List<StatusSnapshot.Neighbor> ns = new ArrayList<>();
            for (Session s : sessions.values()) {
                RibPeer p = s.ribPeer();
                long rec = 0;
                long acc = 0;
                long adv = 0;
                for (Family f : Family.values()) {
                    rec += p.received(f);
                    acc += p.accepted(f);
                    adv += p.advertised(f);
                }
                ns.add(new StatusSnapshot.Neighbor(s.name(), s.state() == State.ESTABLISHED, rec, acc, adv));
            }
            Map<String, Long> loc = new LinkedHashMap<>();
            Map<String, Long> k = new LinkedHashMap<>();
            for (Family f : Family.values()) {
                loc.put(f.label(), (long) rib.locRibSize(f));
                long own = config.networks().stream().filter(p -> p.family() == f).count();
                k.put(f.label(), kernel == null || !kernel.working() ? 0
                        : Math.max(0, rib.locRibSize(f) - own - kernel.unresolvedCount(f)));
            }
            return new StatusSnapshot(ns, loc, k);
        }).orTimeout(API_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    private StatusHttpServer.Answer answer(String path, Map<String, String> query) throws Exception {
        return loop.call(() -> answerOnLoop(path, query)).get(API_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private StatusHttpServer.Answer answerOnLoop(String path, Map<String, String> query) {
        ObjectNode body = StatusJson.JSON.createObjectNode();
        if (path.equals("/health")) {
            body.put("status", "ok");
            body.put("routerId", Prefixes.addressOf(Session.ipv4(config.routerId())));
            body.put("asn", config.asn());
            body.put("neighbors", sessions.size());
            body.put("established", sessions.values().stream().filter(s -> s.state() == State.ESTABLISHED).count());
            return new StatusHttpServer.Answer(200, body);
        }
        if (path.equals("/api/neighbors")) {
            body.put("routerId", Prefixes.addressOf(Session.ipv4(config.routerId())));
            body.put("asn", config.asn());
            ArrayNode list = body.putArray("neighbors");
            sessions.values().forEach(s -> list.add(StatusJson.neighbor(s.status())));
            return new StatusHttpServer.Answer(200, body);
        }
        List<Family> families;
        String fam = query.get("family");
        if (fam == null) {
            families = List.of(Family.values());
        } else {
            Optional<Family> f = Family.ofLabel(fam);
            if (f.isEmpty()) {
                return error(400, "family must be ipv4 or ipv6, not '" + fam + "'");
            }
            families = List.of(f.get());
        }
        int limit = Integer.MAX_VALUE;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                return error(400, "limit must be a number, not '" + query.get("limit") + "'");
            }
        }
        int max = limit;
        if (path.equals("/api/rib")) {
            return new StatusHttpServer.Answer(200, null, out -> {
                out.writeStartObject();
                out.writeArrayFieldStart("routes");
                int left = max;
                for (Family f : families) {
                    int slot = 0;
                    while (slot >= 0 && left > 0) {
                        List<RouteView> chunk = new ArrayList<>();
                        int from = slot;
                        int n = Math.min(CHUNK, left);
                        slot = loop.call(() -> rib.locRibChunk(f, from, n, chunk)).get(API_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        for (RouteView v : chunk) {
                            out.writeTree(routeJson(v));
                        }
                        left -= chunk.size();
                    }
                }
                out.writeEndArray();
                out.writeEndObject();
            });
        }
        if (path.startsWith("/api/rib/in/") || path.startsWith("/api/rib/out/")) {
            boolean in = path.startsWith("/api/rib/in/");
            String neighbor = path.substring(in ? "/api/rib/in/".length() : "/api/rib/out/".length());
            Session s = sessions.get(neighbor);
            if (s == null) {
                Optional<byte[]> a = Prefixes.parseAddress(neighbor);
                s = a.flatMap(bytes -> sessions.values().stream().filter(x -> {
                    try {
                        return x.matches(InetAddress.getByAddress(bytes));
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst()).orElse(null);
            }
            if (s == null) {
                return error(404, "no neighbor " + neighbor);
            }
            RibPeer peer = s.ribPeer();
            String name = s.name();
            return new StatusHttpServer.Answer(200, null, out -> {
                out.writeStartObject();
                out.writeStringField("neighbor", name);
                out.writeArrayFieldStart("routes");
                int left = max;
                for (Family f : families) {
                    int slot = 0;
                    while (slot >= 0 && left > 0) {
                        List<Rib.InEntry> chunk = new ArrayList<>();
                        int from = slot;
                        int n = Math.min(CHUNK, left);
                        slot = loop.call(() -> rib.adjRibChunk(peer, in, f, from, n, chunk))
                                .get(API_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        for (Rib.InEntry e : chunk) {
                            out.writeTree(StatusJson.inRoute(f, e, in));
                        }
                        left -= chunk.size();
                    }
                }
                out.writeEndArray();
                out.writeEndObject();
            });
        }
        return error(404, "not found: " + path);
    }

    private com.fasterxml.jackson.databind.node.ObjectNode routeJson(RouteView v) {
        boolean hasHop = v.paths().stream().anyMatch(p -> p.best() && p.attributes().nextHop().length > 0
                && !p.from().equals("local"));
        boolean installed = kernel != null && hasHop && kernel.installed(v.prefix());
        boolean unresolved = kernel != null && hasHop && kernel.refused(v.prefix());
        return StatusJson.route(v, installed, unresolved);
    }

    private static StatusHttpServer.Answer error(int status, String message) {
        return new StatusHttpServer.Answer(status, StatusJson.JSON.createObjectNode().put("error", message));
    }

    @Override
    public void close() {
        try {
            if (!loop.started() || !loop.running()) {
                throw new IllegalStateException("never started");
            }
            loop.call(() -> {
                sessions.values().forEach(Session::close);
                for (ServerSocketChannel l : listeners) {
                    l.close();
                }
                return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("bgp: closing sessions: {}", e.toString());
        }
        if (http != null) {
            http.close();
        }
        loop.close();
        for (ServerSocketChannel l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (kernel != null) {
            kernel.close();
        }
    }
}
