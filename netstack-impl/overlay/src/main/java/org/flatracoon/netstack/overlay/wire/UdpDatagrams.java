package org.flatracoon.netstack.overlay.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/** A blocking {@link DatagramChannel}: one thread receives while others send. */
public final class UdpDatagrams implements Datagrams {
    private static final int SOCKET_BUFFER = 4 << 20;
    private final DatagramChannel channel;

    private UdpDatagrams(DatagramChannel channel) {
        this.channel = channel;
    }

    public static UdpDatagrams bind(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER);
            channel.bind(address);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new UdpDatagrams(channel);
    }

    @Override
    public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
        channel.send(packet, to);
    }

    @Override
    public InetSocketAddress receive(ByteBuffer into) throws IOException {
        return (InetSocketAddress) channel.receive(into);
    }

    @Override
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
