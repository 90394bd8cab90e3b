package org.flatracoon.scenarios;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * A BGP peer, run from a host node, that opens a session to a speaker and sends it an UPDATE of
 * our making (RFC 4271 messages built here byte by byte), then keeps the session alive with
 * KEEPALIVEs. Everything the speaker sends back is kept in a file in the node, so a NOTIFICATION
 * can be read afterwards. The transport is bash's /dev/tcp, so any host node can play the peer.
 */
final class HostileBgpPeer {

    private static final String RECEIVED = "/tmp/hostile-peer.received";
    private static final byte[] KEEPALIVE = message(4, new byte[0]);

    private final LabNode host;
    private final int asn;
    private final String routerId;

    HostileBgpPeer(LabNode host, int asn, String routerId) {
        this.host = host;
        this.asn = asn;
        this.routerId = routerId;
    }

    /** Opens the session (OPEN, KEEPALIVE), sends {@code updates} and stays connected in the background. */
    void connectAndSend(String speaker, byte[]... updates) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(open());
        stream.writeBytes(KEEPALIVE);
        for (byte[] update : updates) {
            stream.writeBytes(update);
        }
        String script = "exec 3<>/dev/tcp/" + speaker + "/179 || exit 3\n"
                + "cat <&3 > " + RECEIVED + " &\n"
                + "printf '" + escaped(stream.toByteArray()) + "' >&3\n"
                + "while printf '" + escaped(KEEPALIVE) + "' >&3 2>/dev/null; do sleep 3; done\n";
        // setsid + nohup: the session outlives this exec; it ends with the lab (or when the speaker closes it).
        ExecResult result = host.exec("sh", "-c", "setsid nohup bash -c \"$0\" >/dev/null 2>&1 < /dev/null &", script);
        if (!result.succeeded()) {
            throw new IllegalStateException(host.name() + " could not start the hostile peer: " + result.output().strip());
        }
    }

    /** The first NOTIFICATION the speaker sent back, as "code/subcode"; empty while there is none. */
    Optional<String> notificationReceived() {
        ExecResult dump = host.exec("od", "-An", "-v", "-tx1", RECEIVED);
        if (!dump.succeeded()) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(dump.stdout().replaceAll("\\s+", ""));
        int at = 0;
        while (at + 19 <= bytes.length) {
            int length = ((bytes[at + 16] & 0xFF) << 8) | (bytes[at + 17] & 0xFF);
            int type = bytes[at + 18] & 0xFF;
            if (length < 19 || at + length > bytes.length) {
                break;
            }
            if (type == 3 && length >= 21) {
                return Optional.of((bytes[at + 19] & 0xFF) + "/" + (bytes[at + 20] & 0xFF));
            }
            at += length;
        }
        return Optional.empty();
    }

    /** OPEN: version 4, our AS, hold time 90, router id, capabilities MP IPv4 unicast and 4-octet AS. */
    private byte[] open() {
        byte[] capabilities = {2, 12, 1, 4, 0, 1, 0, 1, 65, 4, (byte) (asn >>> 24), (byte) (asn >>> 16),
                (byte) (asn >>> 8), (byte) asn};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(4);
        body.write(asn >>> 8);
        body.write(asn);
        body.write(0);
        body.write(90);
        for (String octet : routerId.split("\\.")) {
            body.write(Integer.parseInt(octet));
        }
        body.write(capabilities.length);
        body.writeBytes(capabilities);
        return message(1, body.toByteArray());
    }

    /**
     * An UPDATE announcing {@code prefixes} (IPv4, /8../32) from our AS with next hop {@code nextHop},
     * plus {@code extraAttributes} (already encoded) after ORIGIN, AS_PATH and NEXT_HOP.
     */
    byte[] update(String nextHop, byte[] extraAttributes, String... prefixes) {
        ByteArrayOutputStream attributes = new ByteArrayOutputStream();
        attributes.writeBytes(new byte[] {0x40, 1, 1, 0}); // ORIGIN IGP
        attributes.writeBytes(new byte[] {0x40, 2, 6, 2, 1, (byte) (asn >>> 24), (byte) (asn >>> 16),
                (byte) (asn >>> 8), (byte) asn}); // AS_PATH: one AS_SEQUENCE of our AS
        attributes.writeBytes(new byte[] {0x40, 3, 4});
        for (String octet : nextHop.split("\\.")) {
            attributes.write(Integer.parseInt(octet));
        }
        attributes.writeBytes(extraAttributes);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 0}); // no withdrawn routes
        body.write(attributes.size() >>> 8);
        body.write(attributes.size());
        body.writeBytes(attributes.toByteArray());
        for (String prefix : prefixes) {
            String[] parts = prefix.split("/");
            int length = Integer.parseInt(parts[1]);
            body.write(length);
            String[] octets = parts[0].split("\\.");
            for (int i = 0; i < (length + 7) / 8; i++) {
                body.write(Integer.parseInt(octets[i]));
            }
        }
        return message(2, body.toByteArray());
    }

    /** An UPDATE whose Total Path Attribute Length claims more bytes than the message holds. */
    static byte[] updateWithOverrunningAttributes() {
        return message(2, new byte[] {0, 0, 0, (byte) 200, 0x40, 1, 1, 0});
    }

    private static byte[] message(int type, byte[] body) {
        int length = 19 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            out.write(0xFF);
        }
        out.write(length >>> 8);
        out.write(length);
        out.write(type);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The bytes as printf escapes (\xHH), safe inside single quotes. */
    private static String escaped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append("\\x").append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
