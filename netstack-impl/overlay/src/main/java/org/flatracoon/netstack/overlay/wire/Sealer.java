package org.flatracoon.netstack.overlay.wire;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;

/**
 * Seals and opens packets in place with one reused ChaCha20-Poly1305 {@link Cipher}; one instance per thread.
 * Nonce = 4 zero bytes ‖ the 64-bit counter; counters are unique per key because each key belongs to one
 * sender epoch and the sender's counter only grows.
 */
public final class Sealer {
    /**
     * Never a packet's nonce (those start with four zero bytes). The JDK refuses to initialise
     * ChaCha20-Poly1305 twice in a row with the same key and nonce, also after a decryption whose
     * tag failed; so after a failure the cipher is parked on this nonce, and the genuine packet with
     * the nonce a forgery borrowed can still be opened (and a later replay of it is seen as one).
     */
    private static final byte[] PARKED = {-1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};

    private final Cipher cipher;
    private final byte[] nonce = new byte[12];

    public Sealer() {
        try {
            cipher = Cipher.getInstance("ChaCha20-Poly1305");
        } catch (NoSuchPaddingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks ChaCha20-Poly1305", e);
        }
    }

    /**
     * Encrypts {@code b[SEALED_HEADER, SEALED_HEADER+length)} in place and appends the tag; the header (type,
     * destination, source) must be written. Returns the packet length.
     */
    public int seal(byte[] b, int length, SecretKey key, long epoch, long counter) {
        Packet.writeLong(b, Packet.EPOCH, epoch);
        Packet.writeLong(b, Packet.COUNTER, counter);
        Packet.writeLong(nonce, 4, counter);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
            aad(b);
            return Packet.SEALED_HEADER + cipher.doFinal(b, Packet.SEALED_HEADER, length, b, Packet.SEALED_HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed: " + e, e);
        }
    }

    /**
     * Decrypts and verifies a sealed packet of {@code length} bytes in place. Returns the plaintext length, or -1
     * if the tag does not verify (forged, corrupted, or sealed with another key).
     */
    public int open(byte[] b, int length, SecretKey key) {
        int cipherLength = length - Packet.SEALED_HEADER;
        if (cipherLength < Packet.TAG) {
            return -1;
        }
        System.arraycopy(b, Packet.COUNTER, nonce, 4, 8);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
            aad(b);
            return cipher.doFinal(b, Packet.SEALED_HEADER, cipherLength, b, Packet.SEALED_HEADER);
        } catch (AEADBadTagException e) {
            park(key);
            return -1;
        } catch (InvalidKeyException | InvalidAlgorithmParameterException | ShortBufferException e) {
            throw new IllegalStateException("opening failed: " + e, e);
        } catch (GeneralSecurityException e) {
            park(key);
            return -1;
        }
    }

    private void park(SecretKey key) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(PARKED));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not reset the cipher after a failed tag: " + e, e);
        }
    }

    private void aad(byte[] b) {
        cipher.updateAAD(b, Packet.TYPE, 1);
        cipher.updateAAD(b, Packet.DESTINATION, Packet.SEALED_HEADER - Packet.DESTINATION);
    }
}
