package org.flatracoon.netstack.overlay.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * A node identity with its private keys: Ed25519 signs, X25519 agrees keys with peers. Stored as
 * {@code identity.secret} ({@code ADDRESS:0:PUBLIC:PRIVATE}, mode 600) and {@code identity.public} in a state dir.
 */
public final class Identity {
    private static final byte[] X25519_PKCS8 = Hex.parse("302e020100300506032b656e04220420");
    private static final byte[] ED25519_PKCS8 = Hex.parse("302e020100300506032b657004220420");
    private static final int PRIVATE_OFFSET = 16;

    private final PublicIdentity publicIdentity;
    private final PrivateKey agreementPrivate;
    private final PrivateKey signingPrivate;

    private Identity(PublicIdentity publicIdentity, PrivateKey agreementPrivate, PrivateKey signingPrivate) {
        this.publicIdentity = publicIdentity;
        this.agreementPrivate = agreementPrivate;
        this.signingPrivate = signingPrivate;
    }

    /** A new identity; key pairs whose address would be reserved are drawn again. */
    public static Identity generate() {
        try {
            KeyPairGenerator x = KeyPairGenerator.getInstance("X25519");
            KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
            while (true) {
                KeyPair agreement = x.generateKeyPair();
                KeyPair signing = ed.generateKeyPair();
                PublicIdentity pub = new PublicIdentity(raw(agreement.getPublic().getEncoded()),
                        raw(signing.getPublic().getEncoded()));
                if (!pub.address().reserved()) {
                    return new Identity(pub, agreement.getPrivate(), signing.getPrivate());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks X25519/Ed25519", e);
        }
    }

    /** Reads {@code identity.secret} from the state dir, or creates both identity files there. */
    public static Identity loadOrCreate(Path stateDir) throws IOException {
        Path secret = stateDir.resolve("identity.secret");
        if (Files.exists(secret)) {
            String text = Files.readString(secret, StandardCharsets.UTF_8).strip();
            try {
                return parseSecret(text);
            } catch (IllegalArgumentException e) {
                throw new IOException(secret + ": " + e.getMessage());
            }
        }
        Files.createDirectories(stateDir);
        Identity identity = generate();
        StateFiles.writeAtomically(secret, identity.secretText().getBytes(StandardCharsets.UTF_8), true);
        StateFiles.writeAtomically(stateDir.resolve("identity.public"),
                (identity.publicIdentity() + "\n").getBytes(StandardCharsets.UTF_8), false);
        return identity;
    }

    public static Identity parseSecret(String text) {
        int last = text.lastIndexOf(':');
        if (last < 0) {
            throw new IllegalArgumentException("an identity secret is ADDRESS:0:PUBLIC:PRIVATE");
        }
        PublicIdentity pub = PublicIdentity.parse(text.substring(0, last));
        byte[] priv;
        try {
            priv = Hex.parse(text.substring(last + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("identity private keys are not hex");
        }
        if (priv.length != 64) {
            throw new IllegalArgumentException("identity private keys are 64 bytes, not " + priv.length);
        }
        try {
            PrivateKey agreement = KeyFactory.getInstance("X25519").generatePrivate(
                    new PKCS8EncodedKeySpec(PublicIdentity.concat(X25519_PKCS8, Arrays.copyOfRange(priv, 0, 32))));
            PrivateKey signing = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(PublicIdentity.concat(ED25519_PKCS8, Arrays.copyOfRange(priv, 32, 64))));
            Identity identity = new Identity(pub, agreement, signing);
            byte[] probe = "identity check".getBytes(StandardCharsets.UTF_8);
            if (!pub.verify(probe, identity.sign(probe))) {
                throw new IllegalArgumentException("the private keys do not belong to the public keys");
            }
            return identity;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid private key: " + e.getMessage());
        }
    }

    public String secretText() {
        return publicIdentity + ":" + Hex.of(PublicIdentity.concat(
                Arrays.copyOfRange(agreementPrivate.getEncoded(), PRIVATE_OFFSET, PRIVATE_OFFSET + 32),
                Arrays.copyOfRange(signingPrivate.getEncoded(), PRIVATE_OFFSET, PRIVATE_OFFSET + 32)));
    }

    public PublicIdentity publicIdentity() {
        return publicIdentity;
    }

    public Address address() {
        return publicIdentity.address();
    }

    public byte[] sign(byte[] data) {
        return sign(data, 0, data.length);
    }

    public byte[] sign(byte[] data, int offset, int length) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(signingPrivate);
            signer.update(data, offset, length);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The X25519 shared secret with a peer (the same on both sides). */
    public byte[] agree(PublicIdentity peer) {
        try {
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(agreementPrivate);
            ka.doPhase(peer.agreementPublic(), true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key agreement failed: " + e.getMessage(), e);
        }
    }

    private static byte[] raw(byte[] spki) {
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }
}
