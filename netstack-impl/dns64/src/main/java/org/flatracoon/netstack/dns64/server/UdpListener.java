package org.flatracoon.netstack.dns64.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP on one socket, served by several worker threads. Each worker blocks in receive, resolves (which may
 * wait for the upstream) and sends the reply itself. Adapted from the hesiod server's listener, which is not public.
 */
final class UdpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    private static final int MAX_DATAGRAM = 65_535;
    /** Room for bursts (benchmarks, floods) while the workers catch up; the kernel may cap it lower. */
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final QueryProcessor processor;
    private final List<Thread> workers = new ArrayList<>();

    private UdpListener(DatagramChannel channel, QueryProcessor processor) {
        this.channel = channel;
        this.processor = processor;
    }

    static UdpListener bind(InetSocketAddress address, QueryProcessor processor) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(address);
            return new UdpListener(channel, processor);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    void start(int workerCount) throws IOException {
        String name = "dns64-udp-" + localAddress().getPort() + "-";
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::serve, name + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            buffer.clear();
            SocketAddress client;
            try {
                client = channel.receive(buffer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("UDP receive failed: {}", e.toString());
                continue;
            }
            buffer.flip();
            byte[] packet = new byte[buffer.remaining()];
            buffer.get(packet);
            try {
                Optional<byte[]> reply = processor.process(packet, Transport.UDP,
                        ((InetSocketAddress) client).getAddress());
                if (reply.isPresent()) {
                    channel.send(ByteBuffer.wrap(reply.get()), client);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one client's unreachable port or one bad packet must not stop the worker
                LOG.debug("UDP reply to {} failed: {}", client, e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        for (Thread worker : workers) {
            try {
                worker.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
