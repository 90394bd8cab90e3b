package org.flatracoon.netstack.site.enforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.flatracoon.netstack.site.config.Prefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /ipv6/health} (JSON; 200 when the policy is applied, Tayga runs and the counters can be
 * read, 503 otherwise) and {@code GET /metrics} (Prometheus text); 404 for anything else. Listens on
 * IPv6 only ({@code [::]}), as becomes a service of an IPv6-only site.
 */
public final class SiteStatusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteStatusServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SiteEnforcer enforcer;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter metricsWriter = PrometheusTextFormatWriter.create();

    private SiteStatusServer(HttpServer server, ExecutorService executor, SiteEnforcer enforcer, PrometheusRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.enforcer = enforcer;
        this.registry = registry;
    }

    public static SiteStatusServer start(InetSocketAddress address, SiteEnforcer enforcer, PrometheusRegistry registry)
            throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "site-http");
            t.setDaemon(true);
            return t;
        });
        HttpServer server = HttpServer.create(address, 0);
        SiteStatusServer status = new SiteStatusServer(server, executor, enforcer, registry);
        server.createContext("/", status::handle);
        server.setExecutor(executor);
        server.start();
        return status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "only GET\n");
            } else if (path.equals("/ipv6/health")) {
                SiteEnforcer.Health health = enforcer.health();
                send(exchange, health.healthy() ? 200 : 503, "application/json", healthJson(health));
            } else if (path.equals("/metrics")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                metricsWriter.write(body, registry.scrape());
                send(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, body.toString(StandardCharsets.UTF_8));
            } else {
                send(exchange, 404, "text/plain", "not found: try /ipv6/health or /metrics\n");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("site http: {}", e.toString());
        }
    }

    private String healthJson(SiteEnforcer.Health health) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", health.healthy() ? "ok" : "degraded");
        root.put("ruleset_applied", health.rulesetApplied());
        ObjectNode tayga = root.putObject("tayga");
        tayga.put("running", health.tayga().running());
        health.tayga().pid().ifPresent(pid -> tayga.put("pid", pid));
        tayga.put("restarts", health.tayga().restarts());
        health.tayga().lastExitCode().ifPresent(code -> tayga.put("last_exit_code", code));
        health.tayga().lastExit().ifPresent(at -> tayga.put("last_exit", at.toString()));
        ObjectNode nat64 = root.putObject("nat64");
        nat64.put("prefix", enforcer.policy().nat64().prefix().toString());
        nat64.put("pool", enforcer.policy().nat64().pool().toString());
        nat64.put("tun_device", enforcer.policy().nat64().tunDevice());
        nat64.put("ipv4_address", Prefix.text(enforcer.policy().nat64().ipv4Address()));
        ObjectNode counters = root.putObject("counters");
        health.counters().forEach((name, count) -> {
            ObjectNode c = counters.putObject(name);
            c.put("packets", count.packets());
            c.put("bytes", count.bytes());
        });
        if (health.countersError() != null) {
            root.put("counters_error", health.countersError());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
