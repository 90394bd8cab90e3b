package org.flatracoon.netstack.overlay.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * The public half of a node identity: an X25519 key for key agreement and an Ed25519 key for signatures.
 * Text form {@code ADDRESS:0:HEX} (HEX = X25519 public ‖ Ed25519 public, 64 bytes), as ZeroTier writes identities.
 * Self-certifying: the address is derived from the keys, and {@link #parse} refuses an identity whose address
 * does not match them.
 */
public final class PublicIdentity {
    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    // X.509 SubjectPublicKeyInfo prefixes of a raw 32-byte key (RFC 8410)
    private static final byte[] X25519_SPKI = Hex.parse("302a300506032b656e032100");
    private static final byte[] ED25519_SPKI = Hex.parse("302a300506032b6570032100");

    private final Address address;
    private final byte[] agreementKey;
    private final byte[] signingKey;
    private final PublicKey agreementPublic;
    private final PublicKey signingPublic;

    PublicIdentity(byte[] agreementKey, byte[] signingKey) {
        this.agreementKey = agreementKey.clone();
        this.signingKey = signingKey.clone();
        this.address = addressOf(agreementKey, signingKey);
        try {
            this.agreementPublic = KeyFactory.getInstance("X25519")
                    .generatePublic(new X509EncodedKeySpec(concat(X25519_SPKI, agreementKey)));
            this.signingPublic = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI, signingKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid public key: " + e.getMessage(), e);
        }
    }

    /** From the 64 raw public key bytes (X25519 ‖ Ed25519). */
    public static PublicIdentity fromKeys(byte[] keys, int offset) {
        return new PublicIdentity(Arrays.copyOfRange(keys, offset, offset + KEY_BYTES),
                Arrays.copyOfRange(keys, offset + KEY_BYTES, offset + 2 * KEY_BYTES));
    }

    /** @throws IllegalArgumentException when the text is malformed or its address does not match its keys */
    public static PublicIdentity parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":");
        if (parts.length < 3 || !parts[1].equals("0")) {
            throw new IllegalArgumentException("an identity is ADDRESS:0:PUBLICKEYS");
        }
        Address claimed = Address.parse(parts[0]);
        byte[] keys;
        try {
            keys = Hex.parse(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identity public keys are not hex");
        }
        if (keys.length != 2 * KEY_BYTES) {
            throw new IllegalArgumentException("identity public keys are 64 bytes, not " + keys.length);
        }
        PublicIdentity identity = fromKeys(keys, 0);
        if (!identity.address.equals(claimed)) {
            throw new IllegalArgumentException("identity address " + claimed + " does not match its keys");
        }
        return identity;
    }

    /** First 40 bits of SHA-512 over both public keys. */
    static Address addressOf(byte[] agreementKey, byte[] signingKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-512");
            sha.update(agreementKey);
            byte[] digest = sha.digest(signingKey);
            return Address.read(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Address address() {
        return address;
    }

    /** X25519 ‖ Ed25519 raw public keys. */
    public byte[] keys() {
        return concat(agreementKey, signingKey);
    }

    public void writeKeys(byte[] b, int offset) {
        System.arraycopy(agreementKey, 0, b, offset, KEY_BYTES);
        System.arraycopy(signingKey, 0, b, offset + KEY_BYTES, KEY_BYTES);
    }

    PublicKey agreementPublic() {
        return agreementPublic;
    }

    public boolean verify(byte[] data, int offset, int length, byte[] signature, int sigOffset) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(signingPublic);
            verifier.update(data, offset, length);
            return verifier.verify(signature, sigOffset, SIGNATURE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public boolean verify(byte[] data, byte[] signature) {
        return signature.length == SIGNATURE_BYTES && verify(data, 0, data.length, signature, 0);
    }

    @Override
    public String toString() {
        return address + ":0:" + Hex.of(keys());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicIdentity p && Arrays.equals(agreementKey, p.agreementKey)
                && Arrays.equals(signingKey, p.signingKey);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
