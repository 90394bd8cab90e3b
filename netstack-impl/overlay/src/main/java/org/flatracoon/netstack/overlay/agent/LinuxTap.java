package org.flatracoon.netstack.overlay.agent;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A TAP device from {@code /dev/net/tun} ({@code IFF_TAP | IFF_NO_PI}: bare Ethernet frames), through JNA direct
 * mapping. Reads and writes go through one direct buffer per direction, so the native call gets a plain pointer.
 */
final class LinuxTap implements VirtualPort {
    private static final int O_RDWR = 2;
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TAP = 0x0002;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private static native int open(String path, int flags) throws LastErrorException;

    private static native int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

    private static native long read(int fd, ByteBuffer buffer, long count) throws LastErrorException;

    private static native long write(int fd, ByteBuffer buffer, long count) throws LastErrorException;

    private static native int close(int fd) throws LastErrorException;

    private final int fd;
    private final String name;
    private final ByteBuffer in;
    private final ByteBuffer out;
    private volatile boolean closed;

    private LinuxTap(int fd, String name, int bufferSize) {
        this.fd = fd;
        this.name = name;
        this.in = ByteBuffer.allocateDirect(bufferSize);
        this.out = ByteBuffer.allocateDirect(bufferSize);
    }

    static LinuxTap create(String name, int bufferSize) throws IOException {
        int fd;
        try {
            fd = open("/dev/net/tun", O_RDWR);
        } catch (LastErrorException e) {
            throw new IOException("cannot open /dev/net/tun (" + e.getMessage() + "); run the container with "
                    + "--device /dev/net/tun --cap-add NET_ADMIN");
        }
        byte[] ifreq = new byte[40];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, ifreq, 0, Math.min(n.length, IFNAMSIZ - 1));
        short flags = IFF_TAP | IFF_NO_PI;
        ifreq[IFNAMSIZ] = (byte) flags;
        ifreq[IFNAMSIZ + 1] = (byte) (flags >> 8);
        try {
            ioctl(fd, TUNSETIFF, ifreq);
        } catch (LastErrorException e) {
            close(fd);
            throw new IOException("cannot create TAP " + name + " (" + e.getMessage() + "); is CAP_NET_ADMIN given?");
        }
        int end = 0;
        while (end < IFNAMSIZ && ifreq[end] != 0) {
            end++;
        }
        return new LinuxTap(fd, new String(ifreq, 0, end, StandardCharsets.US_ASCII), bufferSize);
    }

    @Override
    public int read(byte[] b, int offset, int max) throws IOException {
        try {
            in.clear();
            int n = (int) read(fd, in, Math.min(max, in.capacity()));
            in.get(b, offset, n);
            return n;
        } catch (LastErrorException e) {
            throw new IOException(closed ? "closed" : "TAP read: " + e.getMessage());
        }
    }

    @Override
    public void write(byte[] b, int offset, int length) throws IOException {
        out.clear();
        out.put(b, offset, length);
        out.flip(); // JNA passes the address at the buffer's position
        try {
            write(fd, out, length);
        } catch (LastErrorException e) {
            throw new IOException("TAP write: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                close(fd);
            } catch (LastErrorException e) {
                // already gone
            }
        }
    }
}
