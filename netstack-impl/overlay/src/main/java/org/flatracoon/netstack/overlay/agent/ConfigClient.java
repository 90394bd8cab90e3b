package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.ConfigRequest;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.SignedConfig;

/** Asks the controller for our network config ({@code POST /netconf/NWID}, signed). */
final class ConfigClient {
    /** What the controller answered. */
    sealed interface Answer permits Granted, Denied, NotFound, Unreachable {
    }

    record Granted(SignedConfig config) implements Answer {
    }

    record Denied() implements Answer {
    }

    record NotFound() implements Answer {
    }

    record Unreachable(String why) implements Answer {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final Identity identity;
    private final NetworkId nwid;

    ConfigClient(InetSocketAddress controller, Identity identity, NetworkId nwid) {
        String host = Ip.format(controller.getAddress());
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + controller.getPort()
                + "/netconf/" + nwid);
        this.identity = identity;
        this.nwid = nwid;
    }

    Answer request(List<String> endpoints, List<String> advertisedRoutes) {
        ConfigRequest body = ConfigRequest.sign(identity, nwid, System.currentTimeMillis(), endpoints,
                advertisedRoutes);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(SignedConfig.JSON.writeValueAsBytes(body))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return switch (r.statusCode()) {
                case 200 -> new Granted(SignedConfig.JSON.readValue(r.body(), SignedConfig.class));
                case 403 -> new Denied();
                case 404 -> new NotFound();
                default -> new Unreachable("HTTP " + r.statusCode() + ": " + new String(r.body(),
                        java.nio.charset.StandardCharsets.UTF_8));
            };
        } catch (IOException e) {
            return new Unreachable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted");
        }
    }
}
