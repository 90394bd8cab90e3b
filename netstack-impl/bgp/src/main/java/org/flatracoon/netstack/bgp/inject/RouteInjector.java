package org.flatracoon.netstack.bgp.inject;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.Capability;
import org.flatracoon.netstack.bgp.wire.Decoded;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.OpenMessage;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.PrefixBuffer;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.flatracoon.netstack.bgp.wire.UpdateEncoder;

/**
 * A minimal speaker for benchmarks: one session to a peer, then N consecutive IPv4 prefixes as fast as TCP takes
 * them, packed about a thousand per UPDATE, with one shared attribute set or {@code attributeSets} different ones
 * (MED varies), then End-of-RIB. It keeps the session alive (KEEPALIVEs, reading and dropping whatever the peer
 * sends) until {@link #close()}.
 */
public final class RouteInjector implements AutoCloseable {
    /** What to send. {@code first} is the first prefix; the next ones follow it at the same length. */
    public record Plan(InetSocketAddress peer, InetAddress localAddress, long localAs, long peerAs, long routerId,
                       byte[] nextHop, Prefixes.Parsed first, int count, int attributeSets, int holdTime) {
    }

    /** The outcome: how long the UPDATEs took to write, and how many bytes went out. */
    public record Result(int prefixes, int updates, long bytes, double seconds) {
    }

    private final Plan plan;
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private volatile boolean closed;
    private volatile Notification received;
    private Thread reader;
    private Thread keepalive;

    private RouteInjector(Plan plan, Socket socket) throws IOException {
        this.plan = plan;
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects and completes the OPEN exchange; throws with the peer's NOTIFICATION if it refuses. */
    public static RouteInjector open(Plan plan) throws IOException {
        if (plan.first().family() != Family.IPV4) {
            throw new IllegalArgumentException("only IPv4 prefixes can be injected");
        }
        Socket socket = new Socket();
        try {
            if (plan.localAddress() != null) {
                socket.bind(new InetSocketAddress(plan.localAddress(), 0));
            }
            socket.connect(plan.peer(), 10_000);
            socket.setSoTimeout(Math.max(plan.holdTime(), 30) * 1000);
            socket.setTcpNoDelay(true);
            RouteInjector injector = new RouteInjector(plan, socket);
            injector.handshake();
            return injector;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void handshake() throws IOException {
        write(OpenMessage.of(plan.localAs(), plan.holdTime(), plan.routerId(), List.of(Capability.multiprotocol(Family.IPV4),
                Capability.fourOctetAs(plan.localAs()), Capability.routeRefresh())).encode());
        out.flush();
        byte[] m = read();
        if (m[18] == Messages.NOTIFICATION) {
            throw new IOException("peer refused the session: " + notification(m).describe());
        }
        if (m[18] != Messages.OPEN) {
            throw new IOException("expected OPEN, got " + Messages.typeName(m[18]));
        }
        Decoded<OpenMessage> open = OpenMessage.decode(ByteBuffer.wrap(m, 19, m.length - 19));
        if (!open.ok()) {
            throw new IOException("peer's OPEN is malformed: " + open.error().describe());
        }
        if (open.value().asn() != plan.peerAs()) {
            throw new IOException("peer is AS " + open.value().asn() + ", not " + plan.peerAs());
        }
        write(Messages.keepalive());
        out.flush();
        while (true) {
            m = read();
            if (m[18] == Messages.KEEPALIVE) {
                break;
            }
            if (m[18] == Messages.NOTIFICATION) {
                throw new IOException("peer closed the session: " + notification(m).describe());
            }
        }
        reader = new Thread(this::drain, "inject-reader");
        reader.setDaemon(true);
        reader.start();
        int hold = Math.min(plan.holdTime(), open.value().holdTime());
        if (hold > 0) {
            keepalive = new Thread(() -> keepalives(hold / 3), "inject-keepalive");
            keepalive.setDaemon(true);
            keepalive.start();
        }
    }

    /**
     * Sends the prefixes in runs of {@link TableLikeMix} ({@code attributeSets} distinct AS paths and community lists,
     * an equal run of prefixes each, one UPDATE per run where it fits) and End-of-RIB.
     */
    public Result sendTableLike() throws IOException {
        TableLikeMix mix = new TableLikeMix(plan.localAs(), plan.nextHop(), plan.count(), plan.attributeSets());
        UpdateEncoder encoder = new UpdateEncoder(true);
        PrefixBuffer batch = new PrefixBuffer(Family.IPV4);
        int updates = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (int g = 0; g < mix.groups(); g++) {
            int n = mix.size(g);
            fill(batch, mix.start(g), n);
            for (byte[] m : encoder.announce(Family.IPV4, mix.attributes(g), batch, 0, n)) {
                write(m);
                updates++;
                bytes += m.length;
            }
            if (received != null) {
                throw new IOException("peer closed the session: " + received.describe());
            }
        }
        write(UpdateEncoder.endOfRib(Family.IPV4));
        out.flush();
        return new Result(plan.count(), updates, bytes, (System.nanoTime() - start) / 1e9);
    }

    private void fill(PrefixBuffer batch, int from, int n) {
        long step = 1L << (32 - plan.first().length());
        batch.clear();
        for (int j = 0; j < n; j++) {
            batch.add((plan.first().hi() + (from + j) * step) & 0xFFFF_FFFFL, 0, plan.first().length());
        }
    }

    /** Sends the prefixes and End-of-RIB. */
    public Result send() throws IOException {
        Prefixes.Parsed first = plan.first();
        long step = 1L << (32 - first.length());
        int sets = Math.max(1, plan.attributeSets());
        PathAttributes[] attrs = new PathAttributes[sets];
        for (int i = 0; i < sets; i++) {
            PathAttributes.Builder b = PathAttributes.builder().origin(PathAttributes.ORIGIN_IGP)
                    .asPath(AsPath.sequence(plan.localAs())).nextHop(plan.nextHop());
            if (sets > 1) {
                b.med(i);
            }
            attrs[i] = b.build();
        }
        UpdateEncoder encoder = new UpdateEncoder(true);
        PrefixBuffer batch = new PrefixBuffer(Family.IPV4);
        int updates = 0;
        long bytes = 0;
        long start = System.nanoTime();
        int perBatch = 1000;
        for (int i = 0; i < plan.count(); i += perBatch) {
            int n = Math.min(perBatch, plan.count() - i);
            batch.clear();
            for (int j = 0; j < n; j++) {
                batch.add((first.hi() + (i + j) * step) & 0xFFFF_FFFFL, 0, first.length());
            }
            for (byte[] m : encoder.announce(Family.IPV4, attrs[(i / perBatch) % sets], batch, 0, n)) {
                write(m);
                updates++;
                bytes += m.length;
            }
            if (received != null) {
                throw new IOException("peer closed the session: " + received.describe());
            }
        }
        write(UpdateEncoder.endOfRib(Family.IPV4));
        out.flush();
        return new Result(plan.count(), updates, bytes, (System.nanoTime() - start) / 1e9);
    }

    private synchronized void write(byte[] m) throws IOException {
        out.write(m);
    }

    private void keepalives(int seconds) {
        try {
            while (!closed) {
                Thread.sleep(seconds * 1000L);
                synchronized (this) {
                    out.write(Messages.keepalive());
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the session ended
        }
    }

    private void drain() {
        try {
            while (!closed) {
                byte[] m = read();
                if (m[18] == Messages.NOTIFICATION) {
                    received = notification(m);
                    return;
                }
            }
        } catch (IOException e) {
            // the session ended
        }
    }

    /** The NOTIFICATION the peer sent, if it ended the session. */
    public Notification peerNotification() {
        return received;
    }

    private byte[] read() throws IOException {
        byte[] header = new byte[19];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw new IOException("peer closed the connection");
        }
        Decoded<Integer> h = Messages.checkHeader(ByteBuffer.wrap(header));
        if (!h.ok()) {
            throw new IOException("bad message header from peer: " + h.error().describe());
        }
        byte[] m = new byte[h.value()];
        System.arraycopy(header, 0, m, 0, 19);
        in.readFully(m, 19, m.length - 19);
        return m;
    }

    private static Notification notification(byte[] m) {
        return Messages.decodeNotification(ByteBuffer.wrap(m, 19, m.length - 19));
    }

    /** Ends the session with Cease/Administrative Shutdown. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            synchronized (this) {
                out.write(Messages.notification(Notification.of(Notification.CEASE, Notification.ADMINISTRATIVE_SHUTDOWN)));
                out.flush();
            }
        } catch (IOException e) {
            // closing anyway
        }
        socket.close();
        if (keepalive != null) {
            keepalive.interrupt();
        }
    }
}
