package org.flatracoon.scenarios;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.UdpRecorder;

/**
 * An attacker on the underlay link between two members: records a datagram from one to the other
 * on the wire while withholding it from its destination, and puts datagrams of its choosing on the
 * wire. It works from the two ends' network namespaces (capture at the receiver's interface, send
 * from the sender's side of the link), which is what a tap on the link sees and can do.
 */
final class HostilePackets {

    private static final Duration RECORDING_LIMIT = Duration.ofSeconds(15);

    private final LabWorld world;
    private final OverlayLab overlay;

    HostilePackets(LabWorld world, OverlayLab overlay) {
        this.world = world;
        this.overlay = overlay;
    }

    /**
     * Pings from {@code from} to {@code to} over the overlay with {@code size} bytes of a {@code pattern}
     * until one datagram carrying such a ping was recorded on the link; {@code to} never received it.
     */
    byte[] recordAndWithhold(String from, String to, int size, String pattern) {
        String source = world.addressFacing(from, to);
        String destination = world.addressFacing(to, from);
        LabNode receiver = world.node(to);
        String wire = world.lab().topology().linkBetween(to, from).orElseThrow().endpointOf(to).iface();
        UnderlayFilter.withhold(receiver, source, size);
        try {
            CompletableFuture<byte[]> recording = CompletableFuture.supplyAsync(() -> new UdpRecorder(receiver).recordOne(
                    wire, "udp and src host " + source + " and dst host " + destination + " and greater " + size,
                    RECORDING_LIMIT));
            String target = overlay.overlayAddress(to, 4);
            while (!recording.isDone()) {
                world.node(from).exec("ping", "-n", "-c", "1", "-W", "1", "-s", String.valueOf(size), "-p", pattern, target);
            }
            return recording.join();
        } finally {
            UnderlayFilter.release(receiver);
        }
    }

    /** Puts {@code payload} on the link from {@code from} to {@code to}, addressed to {@code to}'s overlay port. */
    void send(byte[] payload, String from, String to) {
        new UdpRecorder(world.node(from)).send(payload, world.addressFacing(to, from), overlay.udpPort(to));
    }
}
