package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.UdpDatagrams;

/** Real loopback UDP whose sends to blocked ports vanish, as if a firewall dropped them on the way. */
final class FilteringDatagrams implements Datagrams {
    final Set<Integer> blockedPorts = ConcurrentHashMap.newKeySet();
    /** The last sealed DATA packet sent, as an eavesdropper on the path would capture it. */
    volatile byte[] lastData;
    private final UdpDatagrams udp;

    FilteringDatagrams() throws IOException {
        this(0);
    }

    FilteringDatagrams(int port) throws IOException {
        this.udp = UdpDatagrams.bind(new InetSocketAddress("127.0.0.1", port));
    }

    @Override
    public void send(ByteBuffer packet, InetSocketAddress to) throws IOException {
        if (blockedPorts.contains(to.getPort())) {
            packet.position(packet.limit());
            return;
        }
        if (packet.remaining() > 0 && packet.get(packet.position()) == org.flatracoon.netstack.overlay.wire.Packet.DATA) {
            byte[] copy = new byte[packet.remaining()];
            packet.duplicate().get(copy);
            lastData = copy;
        }
        udp.send(packet, to);
    }

    @Override
    public InetSocketAddress receive(ByteBuffer into) throws IOException {
        return udp.receive(into);
    }

    @Override
    public int port() {
        return udp.port();
    }

    @Override
    public void close() {
        udp.close();
    }
}
