package org.flatracoon.netstack.bgp.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}, {@code /metrics} and the JSON API under {@code /api/}; everything else is 404. The API
 * answers are built on the event loop by {@link Api}, so they are consistent snapshots.
 */
final class StatusHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusHttpServer.class);

    /** What the server asks the speaker; a null answer is a 404 with the message in {@link Answer#error}. */
    interface Api {
        Answer get(String path, Map<String, String> query) throws Exception;
    }

    /** A JSON body, or a writer that streams a large one (then {@code body} is null). */
    record Answer(int status, JsonNode body, BodyWriter writer) {
        Answer(int status, JsonNode body) {
            this(status, body, null);
        }
    }

    /** Streams a body that is too large to build at once, e.g. a full table. */
    interface BodyWriter {
        void write(JsonGenerator out) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Api api;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter metricsWriter = PrometheusTextFormatWriter.create();

    private StatusHttpServer(HttpServer server, ExecutorService executor, Api api, PrometheusRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.api = api;
        this.registry = registry;
    }

    static StatusHttpServer start(InetSocketAddress address, Api api, PrometheusRegistry registry) throws IOException {
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bgp-http");
            t.setDaemon(true);
            return t;
        });
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw e;
        }
        StatusHttpServer status = new StatusHttpServer(server, executor, api, registry);
        server.createContext("/", status::handle);
        server.setExecutor(executor);
        server.start();
        return status;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/metrics")) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                metricsWriter.write(body, registry.scrape());
                send(exchange, 200, metricsWriter.getContentType(), body.toByteArray());
                return;
            }
            Answer answer = api.get(path, query(exchange.getRequestURI().getRawQuery()));
            if (answer.writer() == null) {
                send(exchange, answer.status(), "application/json", StatusJson.JSON.writeValueAsBytes(answer.body()));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), 0);
            try (OutputStream body = new java.io.BufferedOutputStream(exchange.getResponseBody(), 1 << 16);
                 JsonGenerator out = StatusJson.JSON.getFactory().createGenerator(body)) {
                answer.writer().write(out);
            }
        } catch (Exception e) {
            LOG.debug("HTTP request failed: {}", e.toString());
            try {
                send(exchange, 500, "application/json", StatusJson.JSON.writeValueAsBytes(
                        StatusJson.JSON.createObjectNode().put("error", e.toString())));
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
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
        server.stop(0);
        executor.shutdownNow();
    }
}
