package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over UDP on one socket, served by several worker threads. Each worker blocks in receive, handles the
 * packet and sends the reply itself: the channel only serialises the system calls, the work runs in parallel.
 */
public final class UdpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    private static final int MAX_DATAGRAM = 65_535;
    /** Room for bursts (benchmarks, floods) while the workers catch up; the kernel may cap it lower. */
    private static final int RECEIVE_BUFFER = 4 << 20;

    private final DatagramChannel channel;
    private final PacketProcessor processor;
    private final String service;
    private final List<Thread> workers = new ArrayList<>();

    private UdpListener(DatagramChannel channel, PacketProcessor processor, String service) {
        this.channel = channel;
        this.processor = processor;
        this.service = service;
    }

    static UdpListener bind(InetSocketAddress address, PacketProcessor processor) throws IOException {
        return bind("hesiod", address, processor);
    }

    /** A listener for any of our DNS services; {@code service} names its worker threads. */
    public static UdpListener bind(String service, InetSocketAddress address, PacketProcessor processor)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(address);
            return new UdpListener(channel, processor, service);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    public void start(int workerCount) throws IOException {
        String name = service + "-udp-" + localAddress().getPort() + "-";
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
                List<byte[]> replies = processor.exchange(packet, Transport.UDP,
                        ((InetSocketAddress) client).getAddress());
                if (!replies.isEmpty()) {
                    channel.send(ByteBuffer.wrap(replies.get(0)), client); // UDP answers are single messages
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
