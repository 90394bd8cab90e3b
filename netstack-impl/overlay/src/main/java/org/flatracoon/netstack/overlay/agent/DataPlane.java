package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.overlay.crypto.ReplayWindow;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.Hello;
import org.flatracoon.netstack.overlay.wire.Packet;
import org.flatracoon.netstack.overlay.wire.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data path of one member: a loop reading frames from the TAP, sealing and sending them (one per peer, or to
 * every peer for broadcast and multicast); a loop receiving datagrams, opening and writing them to the TAP; and the
 * path upkeep (HELLOs, direct probes, relay registration) run from a timer. Each thread owns its buffers and its
 * {@link Sealer}; nothing is allocated per data packet on our side.
 */
final class DataPlane {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);
    static final int FRAME_OFFSET = Packet.SEALED_HEADER;
    private static final int ETHERNET_HEADER = 14;
    private static final int PROBE_PAYLOAD = 8;
    private static final long HELLO_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long RELAY_HELLO_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long MAX_HELLO_SKEW_MS = 5 * 60_000;

    private final Identity identity;
    private final long self;
    private final long selfMac;
    private final NetworkId nwid;
    private final long epoch;
    private final Datagrams udp;
    private final InetSocketAddress relay;
    /** Node address of our relay: the controller, or a designated root member. */
    private final long relayAddress;
    /** Whether we are a designated root: we relay between members whose direct path is blocked. */
    private final boolean root;
    private final AgentMetrics metrics;
    private final long pathTimeoutNanos;
    private final Runnable newerConfigExists;
    private volatile NetworkView view;
    private volatile VirtualPort port;
    private volatile long relayHelloSentNanos = System.nanoTime() - 2 * RELAY_HELLO_NANOS;
    private volatile long relaySeenNanos;
    // the timer thread's own sealing state
    private final Sealer timerSealer = new Sealer();
    private final byte[] timerBuffer = new byte[Packet.OVERHEAD + 64];
    private final ByteBuffer timerOut = ByteBuffer.wrap(timerBuffer);

    DataPlane(Identity identity, NetworkId nwid, long epoch, Datagrams udp, InetSocketAddress relay,
              AgentMetrics metrics, long pathTimeoutNanos, Runnable newerConfigExists) {
        this(identity, nwid, epoch, udp, relay, nwid.controller().value(), false, metrics, pathTimeoutNanos,
                newerConfigExists);
    }

    DataPlane(Identity identity, NetworkId nwid, long epoch, Datagrams udp, InetSocketAddress relay,
              long relayAddress, boolean root, AgentMetrics metrics, long pathTimeoutNanos,
              Runnable newerConfigExists) {
        this.relayAddress = relayAddress;
        this.root = root;
        this.identity = identity;
        this.self = identity.address().value();
        this.selfMac = MacAddress.of(identity.address(), nwid);
        this.nwid = nwid;
        this.epoch = epoch;
        this.udp = udp;
        this.relay = relay;
        this.metrics = metrics;
        this.pathTimeoutNanos = pathTimeoutNanos;
        this.newerConfigExists = newerConfigExists;
    }

    NetworkView view() {
        return view;
    }

    /** Puts a new config in force (null: none, e.g. after deauthorisation); greets peers that are new. */
    void view(NetworkView next) {
        NetworkView previous = view;
        view = next;
        if (next == null) {
            return;
        }
        for (Peer p : next.peers) {
            if (previous == null || previous.find(p.address) != p) {
                hello(p, Hello.REPLY_WANTED, everyPath(p));
            }
        }
    }

    void port(VirtualPort port) {
        this.port = port;
    }

    long epoch() {
        return epoch;
    }

    long selfMac() {
        return selfMac;
    }

    boolean relayAlive() {
        return relay != null && relaySeenNanos != 0 && System.nanoTime() - relaySeenNanos < 3 * RELAY_HELLO_NANOS;
    }

    // ---------------------------------------------------------------- TAP → UDP

    /** Reads frames from the TAP until it is closed. */
    void runTransmit(VirtualPort tap) {
        byte[] b = new byte[Packet.MAX_UDP];
        byte[] plain = new byte[Packet.MAX_UDP];
        ByteBuffer out = ByteBuffer.wrap(b);
        Sealer sealer = new Sealer();
        while (true) {
            int n;
            try {
                n = tap.read(b, FRAME_OFFSET, b.length - Packet.OVERHEAD);
            } catch (IOException e) {
                LOG.debug("TAP read ended: {}", e.getMessage());
                return;
            }
            transmit(b, n, plain, out, sealer);
        }
    }

    /** One frame at {@code b[FRAME_OFFSET..]}: to its peer, or to every peer if it is for a group. */
    void transmit(byte[] b, int n, byte[] plain, ByteBuffer out, Sealer sealer) {
        NetworkView v = view;
        if (n < ETHERNET_HEADER) {
            metrics.drop(Drop.MALFORMED);
            return;
        }
        if (v == null) {
            metrics.drop(Drop.NO_ROUTE);
            return;
        }
        if (MacAddress.read(b, FRAME_OFFSET + 6) != selfMac) {
            metrics.drop(Drop.SPOOFED_SOURCE);
            return;
        }
        long now = System.nanoTime();
        if (MacAddress.isGroup(b, FRAME_OFFSET)) {
            System.arraycopy(b, FRAME_OFFSET, plain, 0, n);
            for (Peer p : v.peers) {
                System.arraycopy(plain, 0, b, FRAME_OFFSET, n);
                send(sealer, b, n, Packet.DATA, p, out, target(p, now));
            }
            return;
        }
        Peer p = v.findByMac(MacAddress.read(b, FRAME_OFFSET));
        if (p == null) {
            metrics.drop(Drop.NO_ROUTE);
            return;
        }
        send(sealer, b, n, Packet.DATA, p, out, target(p, now));
    }

    /** Seals {@code b[FRAME_OFFSET, +length)} for the peer and sends it to {@code to}. */
    private void send(Sealer sealer, byte[] b, int length, byte type, Peer p, ByteBuffer out, InetSocketAddress to) {
        if (to == null) {
            metrics.drop(Drop.NO_ROUTE);
            return;
        }
        Packet.header(b, type, p.address, self);
        int total = sealer.seal(b, length, p.sendKey, epoch, p.counter.incrementAndGet());
        out.clear().limit(total);
        try {
            udp.send(out, to);
        } catch (IOException e) {
            if (type == Packet.PROBE) {
                metrics.probeFailures.inc(); // an announced endpoint we share no link with: not lost traffic
            } else {
                metrics.drop(Drop.SEND_FAILED);
            }
            return;
        }
        if (to == relay) {
            metrics.txPacketsRelay.inc();
            metrics.txBytesRelay.inc(total);
        } else {
            metrics.txPacketsDirect.inc();
            metrics.txBytesDirect.inc(total);
        }
    }

    /** Direct while probes get answers; otherwise the relay; without a relay, the first endpoint. */
    private InetSocketAddress target(Peer p, long now) {
        if (p.directAt(now)) {
            return p.direct;
        }
        if (relay != null) {
            return relay;
        }
        List<InetSocketAddress> eps = p.endpoints;
        return eps.isEmpty() ? null : eps.get(0);
    }

    // ---------------------------------------------------------------- UDP → TAP

    /** Receives datagrams until the socket is closed. */
    void runReceive() {
        byte[] b = new byte[Packet.MAX_UDP];
        ByteBuffer in = ByteBuffer.wrap(b);
        ByteBuffer out = ByteBuffer.wrap(b);
        Sealer sealer = new Sealer();
        while (true) {
            InetSocketAddress from;
            try {
                in.clear();
                from = udp.receive(in);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("UDP receive: {}", e.getMessage());
                continue;
            }
            try {
                receive(b, in.position(), from, sealer, out);
            } catch (RuntimeException e) {
                // a hostile packet must never stop the loop
                LOG.debug("dropping a packet from {}: {}", from, e.toString());
                metrics.drop(Drop.MALFORMED);
            }
        }
    }

    /** One datagram in {@code b}; {@code out} must wrap {@code b} (answers are sealed in place and sent from it). */
    void receive(byte[] b, int length, InetSocketAddress from, Sealer sealer, ByteBuffer out) {
        if (length < Packet.HEADER) {
            metrics.drop(Drop.MALFORMED);
            return;
        }
        if (Packet.destination(b) != self) {
            if (root) {
                forward(b, length, from, out);
            } else {
                metrics.drop(Drop.MALFORMED);
            }
            return;
        }
        byte type = b[Packet.TYPE];
        if (type == Packet.HELLO) {
            hello(b, length, from);
            return;
        }
        if (type != Packet.DATA && type != Packet.PROBE && type != Packet.PROBE_ACK
                || length < Packet.OVERHEAD) {
            metrics.drop(Drop.MALFORMED);
            return;
        }
        NetworkView v = view;
        Peer p = v == null ? null : v.find(Packet.source(b));
        if (p == null) {
            metrics.drop(Drop.UNKNOWN_PEER);
            return;
        }
        Peer.Session session = p.session;
        if (session == null || session.epoch() != Packet.readLong(b, Packet.EPOCH)) {
            metrics.drop(Drop.UNKNOWN_SESSION);
            long now = System.nanoTime();
            if (now - p.lastHelloSentNanos > HELLO_RETRY_NANOS) {
                hello(p, Hello.REPLY_WANTED, List.of(from));
            }
            return;
        }
        long counter = Packet.readLong(b, Packet.COUNTER);
        if (!session.window().check(counter)) {
            metrics.drop(Drop.REPLAY);
            return;
        }
        int n = sealer.open(b, length, session.key());
        if (n < 0) {
            metrics.drop(Drop.BAD_TAG);
            return;
        }
        session.window().accept(counter);
        long now = System.nanoTime();
        p.lastReceiveNanos = now;
        // from the relay's endpoint it is relayed, unless the relay (a designated root) is the sender itself
        boolean direct = b[Packet.HOPS] == 0 && (!from.equals(relay) || p.address == relayAddress);
        if (direct) {
            metrics.rxPacketsDirect.inc();
            metrics.rxBytesDirect.inc(length);
        } else {
            metrics.rxPacketsRelay.inc();
            metrics.rxBytesRelay.inc(length);
        }
        switch (type) {
            case Packet.DATA -> deliver(b, n, p);
            case Packet.PROBE -> {
                if (direct && n == PROBE_PAYLOAD) {
                    send(sealer, b, n, Packet.PROBE_ACK, p, out, from);
                    if (!from.equals(p.learned) && !p.endpoints.contains(from)) {
                        p.learned = from; // probed from the next tick on; used once it answers
                    }
                }
            }
            default -> { // PROBE_ACK: the direct path works
                if (direct) {
                    p.direct = from;
                    p.directUntilNanos = now + pathTimeoutNanos;
                }
            }
        }
    }

    /**
     * As a designated root: passes a packet between two members of our config, unread, if the sender sends from
     * where its last HELLO to us came from and the packet has not been relayed too often.
     */
    private void forward(byte[] b, int length, InetSocketAddress from, ByteBuffer out) {
        NetworkView v = view;
        Peer source = v == null ? null : v.find(Packet.source(b));
        Peer destination = v == null ? null : v.find(Packet.destination(b));
        InetSocketAddress to = destination == null ? null : destination.registered;
        if (source == null || to == null || !from.equals(source.registered) || b[Packet.HOPS] >= Packet.MAX_HOPS) {
            metrics.relayDropped.inc();
            return;
        }
        b[Packet.HOPS]++;
        out.clear().limit(length);
        try {
            udp.send(out, to);
            metrics.relayed.inc();
        } catch (IOException e) {
            metrics.relayDropped.inc();
        }
    }

    private void deliver(byte[] b, int n, Peer p) {
        if (n < ETHERNET_HEADER) {
            metrics.drop(Drop.MALFORMED);
            return;
        }
        if (MacAddress.read(b, FRAME_OFFSET + 6) != p.mac) {
            metrics.drop(Drop.SPOOFED_SOURCE);
            return;
        }
        VirtualPort tap = port;
        if (tap == null) {
            metrics.drop(Drop.TAP_WRITE);
            return;
        }
        try {
            tap.write(b, FRAME_OFFSET, n);
        } catch (IOException e) {
            metrics.drop(Drop.TAP_WRITE);
        }
    }

    // ---------------------------------------------------------------- HELLO

    private void hello(byte[] b, int length, InetSocketAddress from) {
        NetworkView known = view;
        long source = Packet.source(b);
        if (known != null && source != nwid.controller().value() && known.find(source) == null
                && Hello.claimedRevision(b, length) <= known.config.revision()) {
            metrics.drop(Drop.NOT_MEMBER); // would be refused after verifying too: spare the signature checks
            return;
        }
        Hello h;
        try {
            h = Hello.read(b, length);
        } catch (IllegalArgumentException e) {
            metrics.drop(Drop.BAD_HELLO);
            return;
        }
        NetworkView v = view;
        if (!h.network().equals(nwid) || v == null
                || Math.abs(System.currentTimeMillis() - h.timestamp()) > MAX_HELLO_SKEW_MS) {
            metrics.drop(Drop.BAD_HELLO);
            return;
        }
        if (h.sender().address().value() == relayAddress) {
            relaySeenNanos = System.nanoTime(); // our relay answered our registration
        }
        if (h.sender().equals(v.controller)) {
            return;
        }
        boolean certified = h.membership().verify(v.controller) && h.membership().network().equals(nwid)
                && h.membership().member().equals(h.sender().address());
        Peer p = v.find(h.sender().address().value());
        if (!certified || p == null || !p.identity.equals(h.sender())) {
            if (certified && h.membership().revision() > v.config.revision()) {
                newerConfigExists.run(); // admitted after our config was issued: fetch the newer one
            }
            metrics.drop(Drop.NOT_MEMBER);
            return;
        }
        Peer.Session s = p.session;
        if (s != null && s.epoch() == h.epoch()) {
            // the same session, e.g. the copy that came the other way (direct and relay): nothing to change
            p.lastHelloTimestamp = Math.max(p.lastHelloTimestamp, h.timestamp());
        } else if (h.timestamp() <= p.lastHelloTimestamp) {
            metrics.drop(Drop.BAD_HELLO); // a replayed HELLO of an older session must not roll the keys back
            return;
        } else {
            p.session = new Peer.Session(h.epoch(), p.keys.receiveKey(h.epoch()), new ReplayWindow());
            p.lastHelloTimestamp = h.timestamp();
        }
        if (root && b[Packet.HOPS] == 0) {
            p.registered = from; // authenticated by the HELLO's signature: where to relay the peer's packets
        }
        if (h.replyWanted()) {
            hello(p, 0, List.of(from));
        }
    }

    /** Sends our signed HELLO to the peer over the given paths. */
    private void hello(Peer p, int flags, List<InetSocketAddress> paths) {
        NetworkView v = view;
        if (v == null) {
            return;
        }
        byte[] b = new byte[Hello.LENGTH];
        Hello.write(b, identity, p.addressObject(), nwid, System.currentTimeMillis(), epoch, flags, v.membership);
        p.lastHelloSentNanos = System.nanoTime();
        for (InetSocketAddress to : paths) {
            try {
                udp.send(ByteBuffer.wrap(b), to);
            } catch (IOException e) {
                LOG.debug("HELLO to {} failed: {}", to, e.getMessage());
            }
        }
    }

    private List<InetSocketAddress> everyPath(Peer p) {
        List<InetSocketAddress> paths = new ArrayList<>(p.endpoints);
        if (relay != null) {
            paths.add(relay);
        }
        return paths;
    }

    // ---------------------------------------------------------------- timer

    /** Path upkeep, once per probe interval: relay registration, HELLOs to peers without a session, direct probes. */
    void tick() {
        NetworkView v = view;
        if (v == null) {
            return;
        }
        long now = System.nanoTime();
        if (relay != null && now - relayHelloSentNanos > RELAY_HELLO_NANOS) {
            relayHelloSentNanos = now;
            byte[] b = new byte[Hello.LENGTH];
            Hello.write(b, identity, new org.flatracoon.netstack.overlay.identity.Address(relayAddress), nwid,
                    System.currentTimeMillis(), epoch, Hello.REPLY_WANTED, v.membership);
            try {
                udp.send(ByteBuffer.wrap(b), relay);
            } catch (IOException e) {
                LOG.debug("HELLO to the relay failed: {}", e.getMessage());
            }
        }
        for (Peer p : v.peers) {
            if (p.session == null && now - p.lastHelloSentNanos > HELLO_RETRY_NANOS) {
                hello(p, Hello.REPLY_WANTED, everyPath(p));
            }
            for (InetSocketAddress ep : p.endpoints) {
                probe(p, ep, now);
            }
            InetSocketAddress learned = p.learned;
            if (learned != null && !p.endpoints.contains(learned)) {
                probe(p, learned, now);
            }
        }
    }

    private void probe(Peer p, InetSocketAddress to, long now) {
        Packet.writeLong(timerBuffer, FRAME_OFFSET, now);
        send(timerSealer, timerBuffer, PROBE_PAYLOAD, Packet.PROBE, p, timerOut, to);
    }

    /** Where each peer's traffic goes now: direct, relay, or none (no session yet). */
    String pathOf(Peer p) {
        if (p.session == null) {
            return "none";
        }
        return p.directAt(System.nanoTime()) ? "direct" : relay != null ? "relay" : "direct";
    }
}
