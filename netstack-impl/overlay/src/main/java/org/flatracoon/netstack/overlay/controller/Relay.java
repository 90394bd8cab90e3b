package org.flatracoon.netstack.overlay.controller;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.Hello;
import org.flatracoon.netstack.overlay.wire.Membership;
import org.flatracoon.netstack.overlay.wire.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: members register their underlay endpoint with a signed HELLO; packets addressed to another member are
 * forwarded to that member's endpoint unread (they are sealed end to end), but only between members that a common
 * network admits, from the endpoint the sender registered, and at most {@link Packet#MAX_HOPS} times.
 */
final class Relay implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** A registration lapses when its member has not said HELLO for this long. */
    static final long REGISTRATION_MS = 60_000;

    private record Registration(InetSocketAddress endpoint, long seen, long helloTimestamp) {
    }

    private final Controller controller;
    private final Datagrams udp;
    private final ControllerMetrics metrics;
    private final LongSupplier clock;
    private final Map<Long, Registration> registrations = new ConcurrentHashMap<>();
    private final byte[] buffer = new byte[Packet.MAX_UDP];
    private final ByteBuffer in = ByteBuffer.wrap(buffer);
    private final byte[] reply = new byte[Hello.LENGTH];
    private final long epoch = new java.security.SecureRandom().nextLong();

    Relay(Controller controller, Datagrams udp, ControllerMetrics metrics, LongSupplier clock) {
        this.controller = controller;
        this.udp = udp;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (true) {
            try {
                in.clear();
                InetSocketAddress from = udp.receive(in);
                handle(buffer, in.position(), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.debug("relay: {}", e.toString());
            }
        }
    }

    void handle(byte[] b, int length, InetSocketAddress from) throws IOException {
        if (length < Packet.HEADER) {
            metrics.relayDropped.inc();
            return;
        }
        long destination = Packet.destination(b);
        if (destination == controller.identity().address().value()) {
            if (b[Packet.TYPE] == Packet.HELLO) {
                hello(b, length, from);
            }
            return;
        }
        forward(b, length, from, destination);
    }

    private void hello(byte[] b, int length, InetSocketAddress from) throws IOException {
        if (controller.networksAdmitting(Packet.source(b)).isEmpty()) {
            metrics.relayDropped.inc(); // no network admits the sender: refuse before verifying signatures
            return;
        }
        Hello hello;
        try {
            hello = Hello.read(b, length);
        } catch (IllegalArgumentException e) {
            metrics.relayDropped.inc();
            return;
        }
        Optional<PublicIdentity> known = controller.admittedIdentity(hello.network(), hello.sender().address());
        long now = clock.getAsLong();
        Registration previous = registrations.get(hello.sender().address().value());
        if (known.isEmpty() || !known.get().equals(hello.sender())
                || Math.abs(now - hello.timestamp()) > Controller.MAX_SKEW_MS
                || (previous != null && hello.timestamp() < previous.helloTimestamp())) {
            metrics.relayDropped.inc();
            return;
        }
        registrations.put(hello.sender().address().value(), new Registration(from, now, hello.timestamp()));
        if (hello.replyWanted()) {
            Membership self = Membership.issue(controller.identity(), hello.network(), controller.identity().address(),
                    controller.revision(hello.network()));
            int n = Hello.write(reply, controller.identity(), hello.sender().address(), hello.network(), now, epoch, 0,
                    self);
            udp.send(ByteBuffer.wrap(reply, 0, n), from);
        }
    }

    private void forward(byte[] b, int length, InetSocketAddress from, long destination) throws IOException {
        long source = Packet.source(b);
        long now = clock.getAsLong();
        Registration src = registrations.get(source);
        Registration dst = registrations.get(destination);
        if (src == null || dst == null || !src.endpoint().equals(from) || b[Packet.HOPS] >= Packet.MAX_HOPS
                || now - src.seen() > REGISTRATION_MS || now - dst.seen() > REGISTRATION_MS
                || !shareNetwork(source, destination)) {
            metrics.relayDropped.inc();
            return;
        }
        b[Packet.HOPS]++;
        udp.send(ByteBuffer.wrap(b, 0, length), dst.endpoint());
        metrics.relayed.inc();
        metrics.relayBytes.inc(length);
    }

    private boolean shareNetwork(long a, long b) {
        Set<Long> na = controller.networksAdmitting(a);
        for (Long n : controller.networksAdmitting(b)) {
            if (na.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** For the health report. */
    int registered() {
        return registrations.size();
    }
}
