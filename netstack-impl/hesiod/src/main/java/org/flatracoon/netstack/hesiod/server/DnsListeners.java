package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** The UDP and TCP listeners of all listen addresses, bound to one common port. */
final class DnsListeners implements AutoCloseable {
    /** With port 0, UDP picks the port and TCP may find it taken: try a few times. */
    private static final int EPHEMERAL_ATTEMPTS = 10;

    private final List<UdpListener> udp;
    private final List<TcpListener> tcp;
    private final int port;
    private volatile boolean running;

    private DnsListeners(List<UdpListener> udp, List<TcpListener> tcp, int port) {
        this.udp = udp;
        this.tcp = tcp;
        this.port = port;
    }

    static DnsListeners start(HesiodServerConfig config, PacketProcessor processor) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                DnsListeners listeners = bind(config, processor);
                listeners.startAll(config.udpWorkers());
                return listeners;
            } catch (BindException e) {
                if (config.dnsPort() != 0 || attempt == EPHEMERAL_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static DnsListeners bind(HesiodServerConfig config, PacketProcessor processor) throws IOException {
        List<UdpListener> udp = new ArrayList<>();
        List<TcpListener> tcp = new ArrayList<>();
        int port = config.dnsPort();
        try {
            for (InetSocketAddress address : addresses(config.listenAddresses(), port)) {
                UdpListener u = UdpListener.bind(withPort(address, port), processor);
                udp.add(u);
                port = u.localAddress().getPort();
                tcp.add(TcpListener.bind(withPort(address, port), processor, config.maxTcpConnections(),
                        config.tcpIdleTimeout()));
            }
            return new DnsListeners(udp, tcp, port);
        } catch (IOException | RuntimeException e) {
            new DnsListeners(udp, tcp, port).close();
            throw e;
        }
    }

    /** No address means the wildcard, which on a dual-stack host accepts IPv4 and IPv6 alike. */
    static List<InetSocketAddress> addresses(List<InetAddress> listen, int port) {
        if (listen.isEmpty()) {
            return List.of(new InetSocketAddress(port));
        }
        return listen.stream().map(a -> new InetSocketAddress(a, port)).toList();
    }

    private static InetSocketAddress withPort(InetSocketAddress address, int port) {
        return new InetSocketAddress(address.getAddress(), port);
    }

    private void startAll(int udpWorkers) throws IOException {
        for (UdpListener u : udp) {
            u.start(udpWorkers);
        }
        tcp.forEach(TcpListener::start);
        running = true;
    }

    int port() {
        return port;
    }

    boolean isRunning() {
        return running;
    }

    @Override
    public void close() throws IOException {
        running = false;
        IOException failure = null;
        for (AutoCloseable listener : concat()) {
            try {
                listener.close();
            } catch (Exception e) {
                failure = failure != null ? failure : new IOException("closing DNS listeners", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private List<AutoCloseable> concat() {
        List<AutoCloseable> all = new ArrayList<>(udp);
        all.addAll(tcp);
        return all;
    }
}
