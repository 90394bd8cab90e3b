package org.flatracoon.netstack.hesiod.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;

/** A minimal DNS client for tests: no retries, no TCP fallback, so the tests see exactly what the server sends. */
final class DnsTestClient {
    static final int TIMEOUT_MILLIS = 5_000;

    private DnsTestClient() {
    }

    static Message udp(InetSocketAddress server, Message query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, server));
            return receive(socket, query.getHeader().getID());
        }
    }

    /** Sends bytes as they are (e.g. already TSIG-signed) and waits for the reply with that id. */
    static Message udpRaw(InetSocketAddress server, byte[] wire, int id) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.send(new DatagramPacket(wire, wire.length, server));
            return receive(socket, id);
        }
    }

    /** Sends bytes and returns the first reply's bytes exactly as received (a TSIG MAC covers them). */
    static byte[] udpBytes(InetSocketAddress server, byte[] wire) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.send(new DatagramPacket(wire, wire.length, server));
            DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
            socket.receive(packet);
            return java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        }
    }

    /** Waits for the reply with that id, skipping others; throws SocketTimeoutException if none comes. */
    static Message receive(DatagramSocket socket, int id) throws IOException {
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            Message reply = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
            if (reply.getHeader().getID() == id) {
                return reply;
            }
        }
    }

    /** Sends all queries on one connection, then reads one reply per query. */
    static List<Message> tcp(InetSocketAddress server, Message... queries) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (Message q : queries) {
                writeFramed(out, q.toWire());
            }
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<Message> replies = new ArrayList<>();
            for (int i = 0; i < queries.length; i++) {
                replies.add(readFramed(in));
            }
            return replies;
        }
    }

    static void writeFramed(DataOutputStream out, byte[] wire) throws IOException {
        out.writeShort(wire.length);
        out.write(wire);
        out.flush();
    }

    static Message readFramed(DataInputStream in) throws IOException {
        byte[] reply = new byte[in.readUnsignedShort()];
        in.readFully(reply);
        return new Message(reply);
    }

    /** True if the server closed the connection (EOF) before the timeout. */
    static boolean closedByPeer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("reset");
        }
    }
}
