package org.flatracoon.scenarios;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.UdpRecorder;

/**
 * An attacker on the underlay router, on the path between every two members: records a member's
 * encrypted datagram while withholding it from its destination, and sends datagrams of its choosing.
 */
final class HostilePackets {

    private static final Duration RECORDING_LIMIT = Duration.ofSeconds(15);

    private final LabWorld world;
    private final OverlayLab overlay;
    private final LabNode router;

    HostilePackets(LabWorld world, OverlayLab overlay) {
        this.world = world;
        this.overlay = overlay;
        this.router = world.node(world.onlyNodeOfKind("router").name());
    }

    /**
     * Pings from {@code from} to {@code to} over the overlay with {@code size} bytes of a {@code pattern}
     * until the router has recorded one datagram carrying such a ping; the router does not forward
     * those datagrams meanwhile, so {@code to} never saw the recorded one.
     */
    byte[] recordAndWithhold(String from, String to, int size, String pattern) {
        String source = underlayAddress(from);
        String destination = underlayAddress(to);
        String facingSource = world.lab().topology().linkBetween(router.name(), from).orElseThrow()
                .endpointOf(router.name()).iface();
        UnderlayFilter.intercept(router, source, destination, size);
        try {
            CompletableFuture<byte[]> recording = CompletableFuture.supplyAsync(() -> new UdpRecorder(router).recordOne(
                    facingSource, "udp and src host " + source + " and dst host " + destination + " and greater " + size,
                    RECORDING_LIMIT));
            String target = overlay.overlayAddress(to, 4);
            while (!recording.isDone()) {
                world.node(from).exec("ping", "-n", "-c", "1", "-W", "1", "-s", String.valueOf(size), "-p", pattern, target);
            }
            return recording.join();
        } finally {
            UnderlayFilter.release(router);
        }
    }

    /** Sends {@code payload} to the overlay port of {@code to}'s underlay address. */
    void send(byte[] payload, String to) {
        new UdpRecorder(router).send(payload, underlayAddress(to), overlay.udpPort(to));
    }

    private String underlayAddress(String node) {
        return world.addressFacing(node, router.name());
    }
}
