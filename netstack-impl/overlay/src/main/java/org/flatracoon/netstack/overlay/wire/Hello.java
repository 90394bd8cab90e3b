package org.flatracoon.netstack.overlay.wire;

import java.nio.charset.StandardCharsets;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * HELLO: a member's signed announcement of its identity, its session epoch and its certificate of membership.
 * <pre>
 *  12 nwid (8)  20 timestamp ms (8)  28 epoch (8)  36 flags (1)  37 X25519 ‖ Ed25519 public (64)
 * 101 certificate of membership (85)  186 Ed25519 signature over bytes 0, 2..185 (64)   = 250 bytes
 * </pre>
 * Flag {@link #REPLY_WANTED}: the receiver answers with its own HELLO, so both learn each other's epoch.
 */
public record Hello(Address destination, PublicIdentity sender, NetworkId network, long timestamp, long epoch,
                    int flags, Membership membership) {
    public static final int REPLY_WANTED = 1;
    public static final int LENGTH = 250;
    private static final byte[] LABEL = "flatracoon-overlay-v1 hello".getBytes(StandardCharsets.US_ASCII);
    private static final int NWID = 12;
    private static final int TIMESTAMP = 20;
    private static final int EPOCH = 28;
    private static final int FLAGS = 36;
    private static final int KEYS = 37;
    private static final int COM = 101;
    private static final int SIGNATURE = 186;

    /**
     * The config revision the unverified HELLO's certificate claims, read without checking any signature: lets a
     * receiver refuse strangers before spending two signature verifications on them.
     */
    public static long claimedRevision(byte[] b, int length) {
        return length == LENGTH ? Packet.readLong(b, COM + 8 + Address.BYTES) : Long.MIN_VALUE;
    }

    public boolean replyWanted() {
        return (flags & REPLY_WANTED) != 0;
    }

    /** Writes the signed HELLO into {@code b}; returns its length. */
    public static int write(byte[] b, Identity sender, Address destination, NetworkId network, long timestamp,
                            long epoch, int flags, Membership membership) {
        Packet.header(b, Packet.HELLO, destination, sender.address());
        Packet.writeLong(b, NWID, network.value());
        Packet.writeLong(b, TIMESTAMP, timestamp);
        Packet.writeLong(b, EPOCH, epoch);
        b[FLAGS] = (byte) flags;
        sender.publicIdentity().writeKeys(b, KEYS);
        membership.write(b, COM);
        byte[] signature = sender.sign(signedBytes(b));
        System.arraycopy(signature, 0, b, SIGNATURE, PublicIdentity.SIGNATURE_BYTES);
        return LENGTH;
    }

    /**
     * Parses and verifies a HELLO: length, the sender's keys matching its address, and the signature. Does not judge
     * membership or freshness (the caller knows the network and the clock).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Hello read(byte[] b, int length) {
        if (length != LENGTH) {
            throw new IllegalArgumentException("HELLO of " + length + " bytes, expected " + LENGTH);
        }
        PublicIdentity sender = PublicIdentity.fromKeys(b, KEYS);
        Address source = Address.read(b, Packet.SOURCE);
        if (!sender.address().equals(source)) {
            throw new IllegalArgumentException("HELLO source " + source + " does not match its keys");
        }
        if (!sender.verify(signedBytes(b), 0, LABEL.length + SIGNATURE - 1, b, SIGNATURE)) {
            throw new IllegalArgumentException("HELLO signature does not verify");
        }
        return new Hello(Address.read(b, Packet.DESTINATION), sender, new NetworkId(Packet.readLong(b, NWID)),
                Packet.readLong(b, TIMESTAMP), Packet.readLong(b, EPOCH), b[FLAGS] & 0xff, Membership.read(b, COM));
    }

    private static byte[] signedBytes(byte[] b) {
        byte[] s = new byte[LABEL.length + SIGNATURE - 1];
        System.arraycopy(LABEL, 0, s, 0, LABEL.length);
        s[LABEL.length] = b[Packet.TYPE];
        System.arraycopy(b, Packet.DESTINATION, s, LABEL.length + 1, SIGNATURE - Packet.DESTINATION);
        return s;
    }
}
