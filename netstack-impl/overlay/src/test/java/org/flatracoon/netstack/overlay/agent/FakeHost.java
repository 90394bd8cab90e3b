package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-memory host: a TAP whose frames the test injects and collects, and a record of addresses and routes. */
final class FakeHost implements HostInterfaces {
    final Set<String> addresses = ConcurrentHashMap.newKeySet();
    final Set<String> routes = ConcurrentHashMap.newKeySet();
    volatile boolean up;
    volatile int mtu;
    volatile FakePort port;

    @Override
    public VirtualPort openTap(String name) {
        port = new FakePort(name);
        return port;
    }

    @Override
    public void up(String name, long mac, int mtu) {
        this.up = true;
        this.mtu = mtu;
    }

    @Override
    public void down(String name) {
        up = false;
    }

    @Override
    public void addAddress(String name, String cidr) {
        addresses.add(cidr);
    }

    @Override
    public void removeAddress(String name, String cidr) {
        addresses.remove(cidr);
    }

    @Override
    public void addRoute(String name, String target, String via) {
        routes.add(target + " via " + via);
    }

    @Override
    public void removeRoute(String name, String target, String via) {
        routes.remove(target + " via " + via);
    }

    /** Frames the kernel would send (test → agent) and frames the agent delivered (agent → test). */
    static final class FakePort implements VirtualPort {
        private static final byte[] CLOSED = new byte[0];
        final BlockingQueue<byte[]> fromKernel = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> toKernel = new LinkedBlockingQueue<>();
        private final String name;

        FakePort(String name) {
            this.name = name;
        }

        @Override
        public int read(byte[] b, int offset, int max) throws IOException {
            try {
                byte[] frame = fromKernel.take();
                if (frame == CLOSED) {
                    throw new IOException("closed");
                }
                System.arraycopy(frame, 0, b, offset, frame.length);
                return frame.length;
            } catch (InterruptedException e) {
                throw new IOException("interrupted");
            }
        }

        @Override
        public void write(byte[] b, int offset, int length) {
            byte[] frame = new byte[length];
            System.arraycopy(b, offset, frame, 0, length);
            toKernel.add(frame);
        }

        /** Frames delivered so far, waiting up to the timeout for the first. */
        List<byte[]> delivered(long millis) throws InterruptedException {
            List<byte[]> out = new ArrayList<>();
            byte[] first = toKernel.poll(millis, TimeUnit.MILLISECONDS);
            if (first != null) {
                out.add(first);
                toKernel.drainTo(out);
            }
            return out;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
            fromKernel.add(CLOSED);
        }
    }
}
