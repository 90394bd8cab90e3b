package org.flatracoon.netstack.overlay.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.Hex;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * A certificate of membership: the controller's signature that a member belonged to a network at a config
 * revision. Members present it in their HELLO; a peer accepts it only if it is signed by the network's controller,
 * names the sender, and is not older than a config of the receiver's that no longer lists the sender (revocation).
 * Wire form (85 bytes): nwid (8) ‖ member (5) ‖ revision (8) ‖ Ed25519 signature (64).
 */
public record Membership(NetworkId network, Address member, long revision, byte[] signature) {
    public static final int BYTES = 8 + Address.BYTES + 8 + PublicIdentity.SIGNATURE_BYTES;
    private static final byte[] LABEL = "flatracoon-overlay-v1 com".getBytes(StandardCharsets.US_ASCII);
    private static final int SIGNED = 8 + Address.BYTES + 8;

    public static Membership issue(Identity controller, NetworkId network, Address member, long revision) {
        return new Membership(network, member, revision, controller.sign(signed(network, member, revision)));
    }

    public boolean verify(PublicIdentity controller) {
        return controller.address().equals(network.controller())
                && controller.verify(signed(network, member, revision), signature);
    }

    public void write(byte[] b, int offset) {
        byte[] s = signed(network, member, revision);
        System.arraycopy(s, LABEL.length, b, offset, SIGNED);
        System.arraycopy(signature, 0, b, offset + SIGNED, PublicIdentity.SIGNATURE_BYTES);
    }

    public static Membership read(byte[] b, int offset) {
        return new Membership(new NetworkId(Packet.readLong(b, offset)), Address.read(b, offset + 8),
                Packet.readLong(b, offset + 8 + Address.BYTES),
                Arrays.copyOfRange(b, offset + SIGNED, offset + BYTES));
    }

    public String toHex() {
        byte[] b = new byte[BYTES];
        write(b, 0);
        return Hex.of(b);
    }

    public static Optional<Membership> fromHex(String hex) {
        try {
            byte[] b = Hex.parse(hex);
            return b.length == BYTES ? Optional.of(read(b, 0)) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static byte[] signed(NetworkId network, Address member, long revision) {
        byte[] b = Arrays.copyOf(LABEL, LABEL.length + SIGNED);
        Packet.writeLong(b, LABEL.length, network.value());
        member.write(b, LABEL.length + 8);
        Packet.writeLong(b, LABEL.length + 8 + Address.BYTES, revision);
        return b;
    }
}
