package org.flatracoon.netstack.overlay.controller;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.overlay.config.ConfigException;
import org.flatracoon.netstack.overlay.config.ControllerSettings;
import org.flatracoon.netstack.overlay.http.HttpService;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.StateFiles;
import org.flatracoon.netstack.overlay.wire.UdpDatagrams;

/** A running controller: the REST API and config service over HTTP, and the relay over UDP. */
public final class ControllerServer implements AutoCloseable {
    private final Controller controller;
    private final HttpService http;
    private final UdpDatagrams udp;
    private final Thread relayThread;
    private final String token;

    private ControllerServer(Controller controller, HttpService http, UdpDatagrams udp, Thread relayThread,
                             String token) {
        this.controller = controller;
        this.http = http;
        this.udp = udp;
        this.relayThread = relayThread;
        this.token = token;
    }

    public static ControllerServer start(ControllerSettings settings) throws IOException, ConfigException {
        Identity identity = Identity.loadOrCreate(settings.stateDir());
        String token = settings.authToken().isPresent() ? settings.authToken().get() : token(settings.stateDir());
        Controller controller = new Controller(identity, settings.stateDir(), System::currentTimeMillis);
        createDeclaredNetworks(controller, settings);
        ControllerMetrics metrics = new ControllerMetrics(controller);
        UdpDatagrams udp = UdpDatagrams.bind(socket(settings, settings.udpPort()));
        HttpService http;
        try {
            http = HttpService.start(socket(settings, settings.httpPort()), "overlay-controller",
                    new ControllerHttp(controller, metrics, token));
        } catch (IOException e) {
            udp.close();
            throw e;
        }
        Thread relay = new Thread(new Relay(controller, udp, metrics, System::currentTimeMillis), "overlay-relay");
        relay.setDaemon(true);
        relay.start();
        return new ControllerServer(controller, http, udp, relay, token);
    }

    /** Networks of the configuration that the controller does not have yet are created (existing ones are kept). */
    private static void createDeclaredNetworks(Controller controller, ControllerSettings settings)
            throws ConfigException {
        List<String> problems = new ArrayList<>();
        for (ControllerSettings.DeclaredNetwork n : settings.networks()) {
            if (controller.networkIds().contains(n.id().toString())) {
                continue;
            }
            try {
                controller.upsertNetwork(n.id().toString(), n.body());
            } catch (ApiException e) {
                problems.add(n.where() + ": network " + n.id() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static InetSocketAddress socket(ControllerSettings s, int port) {
        return s.listen() == null ? new InetSocketAddress(port) : new InetSocketAddress(s.listen(), port);
    }

    /** {@code authtoken.secret} of the state dir, created with 24 random characters when absent (as ZeroTier). */
    static String token(Path stateDir) throws IOException {
        Path file = stateDir.resolve("authtoken.secret");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StateFiles.writeAtomically(file, s.toString().getBytes(StandardCharsets.UTF_8), true);
        return s.toString();
    }

    public String describe() {
        return "controller " + controller.identity().address() + " (networks " + controller.networkIds()
                + ") on HTTP :" + http.port() + ", relay UDP :" + udp.port();
    }

    public int httpPort() {
        return http.port();
    }

    public int udpPort() {
        return udp.port();
    }

    public String token() {
        return token;
    }

    public Controller controller() {
        return controller;
    }

    @Override
    public void close() {
        http.close();
        udp.close();
        relayThread.interrupt();
    }
}
