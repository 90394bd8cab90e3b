package org.flatracoon.netstack.overlay.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small JSON-over-HTTP shell on the JDK's server: the handler maps a request to a response; a handler's
 * {@link HttpError} becomes its status with {@code {"error": message}}, anything unexpected a 500 (logged), never a
 * dropped connection.
 */
public final class HttpService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    /** What a handler sees. */
    public record Request(String method, String path, Map<String, String> query, Headers headers, byte[] body,
                          InetSocketAddress remote) {
    }

    /** What a handler answers. */
    public record Response(int status, String contentType, byte[] body) {
        public static Response json(int status, Object value) {
            try {
                return new Response(status, "application/json", JSON.writeValueAsBytes(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Response error(int status, String message) {
            return json(status, Map.of("error", message));
        }

        public static Response metrics(PrometheusRegistry registry) {
            PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writer.write(out, registry.scrape());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return new Response(200, writer.getContentType(), out.toByteArray());
        }
    }

    /** A refusal with a status and a message for the client. */
    public static class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public HttpError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static HttpService start(InetSocketAddress address, String name, Handler handler) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, name + "-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
        return new HttpService(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, Handler handler) throws IOException {
        Response response;
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                response = Response.error(413, "request body larger than " + MAX_BODY + " bytes");
            } else {
                response = handler.handle(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body,
                        exchange.getRemoteAddress()));
            }
        } catch (HttpError e) {
            response = Response.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            response = Response.error(500, "internal error: " + e.getMessage());
        }
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) {
            return q;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
