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
            return -1;
        } catch (InvalidKeyException | InvalidAlgorithmParameterException | ShortBufferException e) {
            throw new IllegalStateException("opening failed: " + e, e);
        } catch (GeneralSecurityException e) {
            return -1;
        }
    }

    private void aad(byte[] b) {
        cipher.updateAAD(b, Packet.TYPE, 1);
        cipher.updateAAD(b, Packet.DESTINATION, Packet.SEALED_HEADER - Packet.DESTINATION);
    }
}
