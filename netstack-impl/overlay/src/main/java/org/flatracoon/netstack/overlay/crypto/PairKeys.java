package org.flatracoon.netstack.overlay.crypto;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * The key material of one pair of members in one network: the X25519 shared secret, extracted with the network id
 * as salt. Each direction and sender epoch gets its own ChaCha20-Poly1305 key, so a restarted member (new random
 * epoch) never reuses a nonce under an old key.
 */
public final class PairKeys {
    private static final byte[] LABEL = "flatracoon-overlay-v1 data".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prk;
    private final Address local;
    private final Address remote;

    public PairKeys(Identity local, PublicIdentity remote, NetworkId network) {
        this.prk = Hkdf.extract(network.bytes(), local.agree(remote));
        this.local = local.address();
        this.remote = remote.address();
    }

    /** The key for what we send under our epoch. */
    public SecretKey sendKey(long localEpoch) {
        return key(local, remote, localEpoch);
    }

    /** The key for what the peer sends under its epoch. */
    public SecretKey receiveKey(long remoteEpoch) {
        return key(remote, local, remoteEpoch);
    }

    private SecretKey key(Address from, Address to, long epoch) {
        byte[] info = new byte[LABEL.length + 2 * Address.BYTES + 8];
        System.arraycopy(LABEL, 0, info, 0, LABEL.length);
        from.write(info, LABEL.length);
        to.write(info, LABEL.length + Address.BYTES);
        for (int i = 0; i < 8; i++) {
            info[LABEL.length + 2 * Address.BYTES + i] = (byte) (epoch >>> (56 - 8 * i));
        }
        return new SecretKeySpec(Hkdf.expand(prk, info, 32), "ChaCha20");
    }
}
