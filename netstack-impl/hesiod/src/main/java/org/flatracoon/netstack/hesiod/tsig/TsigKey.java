package org.flatracoon.netstack.hesiod.tsig;

import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * A shared TSIG secret (RFC 8945), as configured: key name, HMAC algorithm and base64 secret, the same three
 * things BIND's {@code key "name" { algorithm …; secret "…"; };} holds.
 */
public record TsigKey(Name name, Name algorithm, byte[] secret) {
    /** Configuration spelling (BIND's) → algorithm name on the wire and JCA MAC name. */
    private static final Map<String, Name> ALGORITHMS = Map.of(
            "hmac-sha256", TSIG.HMAC_SHA256,
            "hmac-sha384", TSIG.HMAC_SHA384,
            "hmac-sha512", TSIG.HMAC_SHA512,
            "hmac-sha224", TSIG.HMAC_SHA224,
            "hmac-sha1", TSIG.HMAC_SHA1);
    private static final Map<Name, String> JCA = Map.of(
            TSIG.HMAC_SHA256, "HmacSHA256",
            TSIG.HMAC_SHA384, "HmacSHA384",
            TSIG.HMAC_SHA512, "HmacSHA512",
            TSIG.HMAC_SHA224, "HmacSHA224",
            TSIG.HMAC_SHA1, "HmacSHA1");

    public TsigKey {
        secret = secret.clone();
        if (!JCA.containsKey(algorithm)) {
            throw new IllegalArgumentException("unsupported TSIG algorithm " + algorithm);
        }
    }

    /** The algorithm for a configuration name such as {@code hmac-sha256}, if supported. */
    public static Optional<Name> algorithmNamed(String configName) {
        return Optional.ofNullable(ALGORITHMS.get(configName.toLowerCase(Locale.ROOT)));
    }

    public static String supportedAlgorithms() {
        return "hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha224, hmac-sha1";
    }

    public static TsigKey of(String name, String algorithm, String base64Secret) {
        return new TsigKey(Name.fromConstantString(name.endsWith(".") ? name : name + "."),
                algorithmNamed(algorithm).orElseThrow(() -> new IllegalArgumentException(algorithm)),
                Base64.getDecoder().decode(base64Secret));
    }

    /** A dnsjava signer/verifier for this key, reading the time from {@code clock}. */
    public TSIG tsig(Clock clock) {
        return new TSIG(algorithm, name, new SecretKeySpec(secret, JCA.get(algorithm)), clock);
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return name + " (" + algorithm + ")"; // never the secret, not even in logs
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TsigKey k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
