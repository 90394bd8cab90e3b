package org.flatracoon.netstack.overlay.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import javax.crypto.SecretKey;
import org.flatracoon.netstack.overlay.crypto.PairKeys;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.junit.jupiter.api.Test;

class SealedPacketTest {
    private final Identity controller = Identity.generate();
    private final NetworkId nwid = NetworkId.of(controller.address(), 1);
    private final Identity alice = Identity.generate();
    private final Identity bob = Identity.generate();
    private final PairKeys aliceSide = new PairKeys(alice, bob.publicIdentity(), nwid);
    private final PairKeys bobSide = new PairKeys(bob, alice.publicIdentity(), nwid);
    private final Sealer sealer = new Sealer();

    @Test
    void bothSidesDeriveTheSameKeyPerDirectionAndEpoch() {
        assertThat(aliceSide.sendKey(7).getEncoded()).isEqualTo(bobSide.receiveKey(7).getEncoded());
        assertThat(aliceSide.sendKey(7).getEncoded()).isNotEqualTo(aliceSide.receiveKey(7).getEncoded());
        assertThat(aliceSide.sendKey(7).getEncoded()).isNotEqualTo(aliceSide.sendKey(8).getEncoded());
    }

    @Test
    void aSealedFrameOpensWithThePeersKeyOnly() {
        byte[] frame = "an ethernet frame".getBytes();
        byte[] b = packet(frame);
        int length = sealer.seal(b, frame.length, aliceSide.sendKey(1), 1, 42);
        assertThat(length).isEqualTo(frame.length + Packet.OVERHEAD);
        assertThat(Arrays.copyOfRange(b, Packet.SEALED_HEADER, Packet.SEALED_HEADER + frame.length)).isNotEqualTo(frame);

        byte[] copy = b.clone();
        assertThat(new Sealer().open(copy, length, PairKeys(bob).receiveKey(1))).isEqualTo(-1); // wrong pair
        int plain = new Sealer().open(b, length, bobSide.receiveKey(1));
        assertThat(Arrays.copyOfRange(b, Packet.SEALED_HEADER, Packet.SEALED_HEADER + plain)).isEqualTo(frame);
    }

    @Test
    void theGenuinePacketStillOpensAfterAForgeryThatBorrowedItsCounter() {
        // An attacker who taps the link alters a copy and sends it first: the receiver's one
        // reused cipher must still open the genuine packet with the same key and nonce after.
        byte[] frame = "the genuine frame".getBytes();
        byte[] genuine = packet(frame);
        int length = sealer.seal(genuine, frame.length, aliceSide.sendKey(1), 1, 7);
        byte[] forged = genuine.clone();
        forged[length - 1] ^= 1;
        Sealer receiver = new Sealer();
        SecretKey key = bobSide.receiveKey(1);

        assertThat(receiver.open(forged, length, key)).isEqualTo(-1);
        assertThat(receiver.open(forged.clone(), length, key)).as("the same forgery again").isEqualTo(-1);
        assertThat(receiver.open(genuine, length, key)).isEqualTo(frame.length);
        assertThat(Arrays.copyOfRange(genuine, Packet.SEALED_HEADER, Packet.SEALED_HEADER + frame.length)).isEqualTo(frame);
    }

    @Test
    void aFlippedBitAnywhereButTheHopCountIsDetected() {
        byte[] frame = new byte[100];
        byte[] b = packet(frame);
        int length = sealer.seal(b, frame.length, aliceSide.sendKey(1), 1, 1);
        SecretKey key = bobSide.receiveKey(1);
        for (int i = 0; i < length; i++) {
            byte[] forged = b.clone();
            forged[i] ^= 1;
            int result = new Sealer().open(forged, length, key);
            if (i == Packet.HOPS) {
                assertThat(result).isEqualTo(frame.length);
            } else {
                assertThat(result).as("bit flipped in byte %d", i).isEqualTo(-1);
            }
        }
    }

    @Test
    void helloCarriesAVerifiedIdentityAndRefusesForgery() {
        Membership com = Membership.issue(controller, nwid, alice.address(), 3);
        byte[] b = new byte[Hello.LENGTH];
        Hello.write(b, alice, bob.address(), nwid, 1000, 77, Hello.REPLY_WANTED, com);
        Hello hello = Hello.read(b, Hello.LENGTH);
        assertThat(hello.sender()).isEqualTo(alice.publicIdentity());
        assertThat(hello.epoch()).isEqualTo(77);
        assertThat(hello.replyWanted()).isTrue();
        assertThat(hello.membership().verify(controller.publicIdentity())).isTrue();
        assertThat(hello.membership().verify(alice.publicIdentity())).isFalse();

        byte[] forged = b.clone();
        forged[30] ^= 1; // the epoch
        assertThatThrownBy(() -> Hello.read(forged, Hello.LENGTH)).hasMessageContaining("signature");
        assertThatThrownBy(() -> Hello.read(b, 100)).hasMessageContaining("bytes");
    }

    private PairKeys PairKeys(Identity other) {
        return new PairKeys(other, Identity.generate().publicIdentity(), nwid);
    }

    private byte[] packet(byte[] frame) {
        byte[] b = new byte[frame.length + Packet.OVERHEAD];
        Packet.header(b, Packet.DATA, bob.address(), alice.address());
        System.arraycopy(frame, 0, b, Packet.SEALED_HEADER, frame.length);
        return b;
    }
}
