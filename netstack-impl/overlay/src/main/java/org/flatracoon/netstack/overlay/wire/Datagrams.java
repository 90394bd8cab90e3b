package org.flatracoon.netstack.overlay.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/** The UDP underlay as the overlay uses it; a seam so tests can block paths. */
public interface Datagrams extends AutoCloseable {
    /** Sends the buffer's remaining bytes as one datagram. */
    void send(ByteBuffer packet, InetSocketAddress to) throws IOException;

    /** Blocks until a datagram arrives, puts it into the buffer and returns its source. */
    InetSocketAddress receive(ByteBuffer into) throws IOException;

    /** The bound local port. */
    int port();

    @Override
    void close();
}
