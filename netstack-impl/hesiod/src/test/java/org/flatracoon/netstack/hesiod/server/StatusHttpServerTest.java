package org.flatracoon.netstack.hesiod.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusHttpServerTest {

    @Test
    void healthIs503UntilReady() throws Exception {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (StatusHttpServer http = StatusHttpServer.start(List.of(address),
                () -> new HealthReport(false, List.of()), new PrometheusRegistry())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress()
                            + ":" + http.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"ready\":false,\"zones\":[]}");
        }
    }
}
