package org.flatracoon.netstack.bgp.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import org.flatracoon.netstack.bgp.wire.Decoded;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;

/**
 * One TCP connection to a peer: frames BGP messages out of the byte stream and queues writes. A connection
 * that reads too much in one go yields to the others, and one whose peer does not read is cut off once its
 * queue passes {@link #MAX_QUEUED} bytes, so no peer can starve or exhaust the speaker.
 */
final class Connection {
    static final long MAX_QUEUED = 256L * 1024 * 1024;
    private static final int READ_BUFFER = 64 * 1024;
    private static final int MESSAGES_PER_TURN = 256;

    /** What the connection reports, on the loop. */
    interface Handler {
        void connected(Connection c);

        void connectFailed(Connection c, String reason);

        /** A whole message; {@code body} covers the bytes after the header. False stops reading (the session ended). */
        boolean message(Connection c, int type, ByteBuffer body, byte[] whole);

        void headerError(Connection c, Notification notification);

        void closed(Connection c, String reason);

        /** After a read burst: time to flush RIB changes. */
        void readBurstDone(Connection c);
    }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final Handler handler;
    private final boolean outgoing;
    private final ByteBuffer in = ByteBuffer.allocate(READ_BUFFER);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private long queued;
    private SelectionKey key;
    private boolean open = true;
    private InetSocketAddress local;

    private Connection(EventLoop loop, SocketChannel channel, Handler handler, boolean outgoing) {
        this.loop = loop;
        this.channel = channel;
        this.handler = handler;
        this.outgoing = outgoing;
    }

    static Connection connect(EventLoop loop, InetSocketAddress remote, java.net.InetAddress localAddress, Handler handler)
            throws IOException {
        SocketChannel ch = SocketChannel.open();
        Connection c = new Connection(loop, ch, handler, true);
        ch.configureBlocking(false);
        boolean done;
        try {
            if (localAddress != null) {
                ch.bind(new InetSocketAddress(localAddress, 0));
            }
            ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            done = ch.connect(remote);
            c.key = loop.register(ch, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c::ready);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (done) {
            loop.execute(() -> handler.connected(c));
        }
        return c;
    }

    static Connection accepted(EventLoop loop, SocketChannel ch, Handler handler) throws IOException {
        Connection c = new Connection(loop, ch, handler, false);
        ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        c.key = loop.register(ch, SelectionKey.OP_READ, c::ready);
        return c;
    }

    boolean outgoing() {
        return outgoing;
    }

    boolean isOpen() {
        return open;
    }

    InetSocketAddress localAddress() {
        if (local == null) {
            try {
                local = (InetSocketAddress) channel.getLocalAddress();
            } catch (IOException e) {
                return null;
            }
        }
        return local;
    }

    private void ready(SelectionKey k) {
        if (!open || !k.isValid()) {
            return;
        }
        if (k.isConnectable()) {
            try {
                channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                handler.connected(this);
            } catch (IOException e) {
                closeQuietly();
                handler.connectFailed(this, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            return;
        }
        if (k.isWritable()) {
            flushWrites();
        }
        if (open && k.isReadable()) {
            read();
        }
    }

    private void read() {
        int n;
        try {
            n = channel.read(in);
        } catch (IOException e) {
            fail("read failed: " + e.getMessage());
            return;
        }
        if (n < 0) {
            fail("connection closed by peer");
            return;
        }
        in.flip();
        int handled = 0;
        while (open && in.remaining() >= Messages.HEADER_LENGTH && handled < MESSAGES_PER_TURN) {
            Decoded<Integer> header = Messages.checkHeader(in);
            if (!header.ok()) {
                handler.headerError(this, header.error());
                return;
            }
            int length = header.value();
            if (in.remaining() < length) {
                break;
            }
            int start = in.position();
            byte[] whole = new byte[length];
            in.get(whole);
            int type = whole[18] & 0xFF;
            handled++;
            if (!handler.message(this, type, ByteBuffer.wrap(whole, Messages.HEADER_LENGTH, length - Messages.HEADER_LENGTH)
                    .slice(), whole)) {
                return;
            }
            assert in.position() == start + length;
        }
        in.compact();
        if (open) {
            handler.readBurstDone(this);
            if (handled >= MESSAGES_PER_TURN) {
                // more may be buffered already: continue on the next turn, after the other connections
                loop.execute(() -> {
                    if (open && key.isValid()) {
                        read();
                    }
                });
            }
        }
    }

    void send(byte[] message) {
        if (!open) {
            return;
        }
        out.add(ByteBuffer.wrap(message));
        queued += message.length;
        if (queued > MAX_QUEUED) {
            fail("peer does not read: more than " + MAX_QUEUED / (1024 * 1024) + " MiB queued");
            return;
        }
        if (out.size() == 1 && channel.isConnected()) {
            flushWrites();
        }
    }

    private void flushWrites() {
        try {
            while (!out.isEmpty()) {
                ByteBuffer b = out.peek();
                int n = channel.write(b);
                queued -= n;
                if (b.hasRemaining()) {
                    break;
                }
                out.poll();
            }
            if (key.isValid()) {
                key.interestOps(SelectionKey.OP_READ | (out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
            }
        } catch (IOException e) {
            fail("write failed: " + e.getMessage());
        }
    }

    private void fail(String reason) {
        if (!open) {
            return;
        }
        closeQuietly();
        handler.closed(this, reason);
    }

    /** Writes what is queued (best effort, e.g. a final NOTIFICATION) and closes. */
    void close() {
        if (!open) {
            return;
        }
        try {
            if (channel.isConnected()) {
                while (!out.isEmpty() && channel.write(out.peek()) > 0) {
                    if (!out.peek().hasRemaining()) {
                        out.poll();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        closeQuietly();
    }

    private void closeQuietly() {
        open = false;
        out.clear();
        queued = 0;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public String toString() {
        try {
            return (outgoing ? "to " : "from ") + channel.getRemoteAddress();
        } catch (IOException e) {
            return outgoing ? "outgoing" : "incoming";
        }
    }
}
