package org.flatracoon.netstack.bgp.server;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import org.flatracoon.netstack.bgp.wire.Capability;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.OpenMessage;

/** A hand-driven BGP peer on a blocking socket: sends exactly the bytes a test wants, reads what comes back. */
final class TestPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    TestPeer(String localAddress, int port) throws IOException {
        this(connect(localAddress, port));
    }

    /** A connection the speaker opened to us. */
    TestPeer(Socket accepted) throws IOException {
        socket = accepted;
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private static Socket connect(String localAddress, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        return s;
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void open(long asn, long routerId, int hold) throws IOException {
        send(OpenMessage.of(asn, hold, routerId, List.of(Capability.multiprotocol(Family.IPV4), Capability.fourOctetAs(asn),
                Capability.routeRefresh())).encode());
    }

    /** The next message, whole; null if the speaker closed the connection. */
    byte[] read() throws IOException {
        byte[] header = new byte[19];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            return null;
        }
        int length = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
        byte[] m = new byte[length];
        System.arraycopy(header, 0, m, 0, 19);
        in.readFully(m, 19, length - 19);
        return m;
    }

    /** Reads until a message of the type arrives (skipping others); null if the connection closes first. */
    byte[] readUntil(int type) throws IOException {
        byte[] m;
        while ((m = read()) != null) {
            if (m[18] == type) {
                return m;
            }
        }
        return null;
    }

    /** Establishes: OPEN, then KEEPALIVE after the speaker's OPEN. */
    void establish(long asn, long routerId) throws IOException {
        open(asn, routerId, 90);
        readUntil(Messages.OPEN);
        send(Messages.keepalive());
        readUntil(Messages.KEEPALIVE);
    }

    Notification readNotification() throws IOException {
        byte[] m = readUntil(Messages.NOTIFICATION);
        return m == null ? null : Messages.decodeNotification(ByteBuffer.wrap(m, 19, m.length - 19));
    }

    /** True when the speaker has closed the connection (EOF or reset), within the socket timeout. */
    boolean closedByPeer() throws IOException {
        try {
            while (read() != null) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
