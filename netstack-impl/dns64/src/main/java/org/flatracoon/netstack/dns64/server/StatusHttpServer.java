package org.flatracoon.netstack.dns64.server;

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

/** {@code GET /health} (JSON, 503 until ready) and {@code GET /metrics} (Prometheus text format); 404 otherwise. */
final class StatusHttpServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;
    private final Supplier<HealthReport> health;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter metricsWriter = PrometheusTextFormatWriter.create();

    private StatusHttpServer(ExecutorService executor, Supplier<HealthReport> health, PrometheusRegistry registry) {
        this.executor = executor;
        this.health = health;
        this.registry = registry;
    }

    static StatusHttpServer start(List<InetSocketAddress> addresses, Supplier<HealthReport> health,
                                  PrometheusRegistry registry) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dns64-http");
            t.setDaemon(true);
            return t;
        });
        StatusHttpServer status = new StatusHttpServer(executor, health, registry);
        try {
            for (InetSocketAddress address : addresses) {
                HttpServer server = HttpServer.create(address, 0);
                server.createContext("/", status::handle);
                server.setExecutor(executor);
                status.servers.add(server);
            }
        } catch (IOException | RuntimeException e) {
            status.close();
            throw e;
        }
        status.servers.forEach(HttpServer::start);
        return status;
    }

    int port() {
        return servers.get(0).getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/health" -> {
                    HealthReport report = health.get();
                    send(exchange, report.ready() ? 200 : 503, "application/json", JSON.writeValueAsBytes(report));
                }
                case "/metrics" -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    metricsWriter.write(body, registry.scrape());
                    send(exchange, 200, metricsWriter.getContentType(), body.toByteArray());
                }
                default -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
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
