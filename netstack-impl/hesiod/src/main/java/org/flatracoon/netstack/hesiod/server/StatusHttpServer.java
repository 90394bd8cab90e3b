package org.flatracoon.netstack.hesiod.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} (JSON, 503 until ready), {@code GET /metrics} (Prometheus text format) and
 * {@code POST /reload} (JSON, 422 if a zone file has problems); 404 otherwise.
 */
final class StatusHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusHttpServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers;
    private final ExecutorService executor;
    private final Supplier<HealthReport> health;
    private final Supplier<ReloadReport> reload;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter metricsWriter = PrometheusTextFormatWriter.create();

    private StatusHttpServer(List<HttpServer> servers, ExecutorService executor, Supplier<HealthReport> health,
                             Supplier<ReloadReport> reload, PrometheusRegistry registry) {
        this.servers = servers;
        this.executor = executor;
        this.health = health;
        this.reload = reload;
        this.registry = registry;
    }

    static StatusHttpServer start(List<InetSocketAddress> addresses, Supplier<HealthReport> health,
                                  PrometheusRegistry registry) throws IOException {
        return start(addresses, health, () -> new ReloadReport(List.of()), registry);
    }

    static StatusHttpServer start(List<InetSocketAddress> addresses, Supplier<HealthReport> health,
                                  Supplier<ReloadReport> reload, PrometheusRegistry registry) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hesiod-http");
            t.setDaemon(true);
            return t;
        });
        List<HttpServer> servers = new ArrayList<>();
        StatusHttpServer status = new StatusHttpServer(servers, executor, health, reload, registry);
        try {
            for (InetSocketAddress address : addresses) {
                HttpServer server = HttpServer.create(address, 0);
                server.createContext("/", status::handle);
                server.setExecutor(executor);
                servers.add(server);
            }
        } catch (IOException | RuntimeException e) {
            status.close();
            throw e;
        }
        servers.forEach(HttpServer::start);
        return status;
    }

    int port() {
        return servers.get(0).getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (exchange.getRequestURI().getPath().equals("/reload")) {
                if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, 405, "text/plain; charset=utf-8",
                            "method not allowed: POST /reload\n".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                exchange.getRequestBody().readAllBytes();
                ReloadReport report = reload.get();
                send(exchange, report.ok() ? 200 : 422, "application/json", JSON.writeValueAsBytes(report));
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/health": {
                    HealthReport report = health.get();
                    send(exchange, report.ready() ? 200 : 503, "application/json", JSON.writeValueAsBytes(report));
                    break;
                }
                case "/metrics": {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    metricsWriter.write(body, registry.scrape());
                    send(exchange, 200, metricsWriter.getContentType(), body.toByteArray());
                    break;
                }
                default:
                    send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("HTTP request failed: {}", e.toString());
            throw e;
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
