package org.flatracoon.netstack.hesiod.server;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 7766) on one address: 2-byte length framing, any number of queries per connection, answered
 * in order. A connection is closed after {@code idleTimeout} without data; beyond {@code maxConnections} new
 * connections are closed at once, so idle clients cannot exhaust threads.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);

    private final ServerSocket server;
    private final PacketProcessor processor;
    private final Semaphore slots;
    private final int idleTimeoutMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections;
    private final String service;
    private Thread acceptor;

    private TcpListener(String service, ServerSocket server, PacketProcessor processor, int maxConnections,
            Duration idleTimeout) {
        this.service = service;
        this.server = server;
        this.processor = processor;
        this.slots = new Semaphore(maxConnections);
        this.idleTimeoutMillis = (int) Math.max(1, idleTimeout.toMillis());
        AtomicInteger n = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, service + "-tcp-" + server.getLocalPort() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static TcpListener bind(InetSocketAddress address, PacketProcessor processor, int maxConnections,
                            Duration idleTimeout) throws IOException {
        return bind("hesiod", address, processor, maxConnections, idleTimeout);
    }

    /** A listener for any of our DNS services; {@code service} names its threads. */
    public static TcpListener bind(String service, InetSocketAddress address, PacketProcessor processor,
            int maxConnections, Duration idleTimeout) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(address, 128);
            return new TcpListener(service, server, processor, maxConnections, idleTimeout);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public void start() {
        acceptor = new Thread(this::acceptLoop, service + "-tcp-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("TCP accept failed: {}", e.toString());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                LOG.debug("refusing TCP connection from {}: connection limit reached", socket.getRemoteSocketAddress());
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                release(socket); // shutting down
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout(idleTimeoutMillis);
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            OutputStream out = socket.getOutputStream();
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (EOFException | SocketTimeoutException e) {
                    return; // client done, or idle too long
                }
                byte[] packet = new byte[length];
                in.readFully(packet);
                for (byte[] reply : processor.exchange(packet, Transport.TCP, socket.getInetAddress())) {
                    out.write(framed(reply));
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("TCP connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } finally {
            release(socket);
        }
    }

    /** Length prefix and message in one write, so they leave in one segment. */
    private static byte[] framed(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }

    private void release(Socket socket) {
        if (open.remove(socket)) {
            slots.release();
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing TCP socket: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdown();
        open.forEach(TcpListener::closeQuietly); // unblocks the readers
        try {
            if (acceptor != null) {
                acceptor.join(2_000);
            }
            connections.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
