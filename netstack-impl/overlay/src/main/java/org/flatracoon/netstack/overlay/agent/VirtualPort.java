package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;

/** The member's virtual Ethernet port: whole frames in and out. A seam so tests can run without /dev/net/tun. */
public interface VirtualPort extends AutoCloseable {
    /** Blocks until the kernel hands us a frame; returns its length (at most {@code max}). */
    int read(byte[] b, int offset, int max) throws IOException;

    /** Hands one frame to the kernel. */
    void write(byte[] b, int offset, int length) throws IOException;

    String name();

    @Override
    void close();
}
