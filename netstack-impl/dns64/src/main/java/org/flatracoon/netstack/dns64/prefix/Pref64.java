package org.flatracoon.netstack.dns64.prefix;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * An IPv6 prefix used to represent IPv4 addresses, with the address format of RFC 6052 §2.2: the 32 IPv4 bits
 * follow the prefix, skipping bits 64–71 (the "u" octet, always zero); bits after them are zero.
 *
 * <pre>
 *   /32  PL(32)  v4(32)          u  suffix
 *   /40  PL(40)  v4(24)          u  v4(8)  suffix
 *   /48  PL(48)  v4(16)          u  v4(16) suffix
 *   /56  PL(56)  v4(8)           u  v4(24) suffix
 *   /64  PL(64)                  u  v4(32) suffix
 *   /96  PL(96)                            v4(32)
 * </pre>
 */
public final class Pref64 {
    public static final Set<Integer> LENGTHS = Set.of(32, 40, 48, 56, 64, 96);
    private static final int U_OCTET = 8;
    private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");
    /** RFC 6052 §2.1: 64:ff9b::/96. */
    public static final Pref64 WELL_KNOWN = parse("64:ff9b::/96");

    private final byte[] prefix;
    private final int length;

    private Pref64(byte[] prefix, int length) {
        this.prefix = prefix;
        this.length = length;
    }

    /**
     * Parses {@code ADDRESS/LENGTH}, e.g. {@code fd64:ff9b::/96}.
     *
     * @throws IllegalArgumentException naming what is wrong: not an IPv6 prefix, a length RFC 6052 does not
     *     define, bits set after the length, or a non-zero u octet
     */
    public static Pref64 parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no length: write it as ADDRESS/LENGTH, e.g. fd64:ff9b::/96");
        }
        int length;
        try {
            length = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the length is not a number");
        }
        if (!LENGTHS.contains(length)) {
            throw new IllegalArgumentException("'" + text + "': RFC 6052 prefixes are /32, /40, /48, /56, /64 or /96, not /"
                    + length);
        }
        byte[] bytes = Ipv6Range.ipv6Literal(t.substring(0, slash), text);
        if (!Ipv6Range.hostBitsZero(bytes, length)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after /" + length);
        }
        if (bytes[U_OCTET] != 0) {
            throw new IllegalArgumentException("'" + text + "': bits 64-71 (the u octet) must be zero (RFC 6052 §2.2)");
        }
        if (Ipv6Range.IPV4_MAPPED.contains(bytes)) {
            throw new IllegalArgumentException("'" + text + "' is inside ::ffff:0:0/96, the IPv4-mapped addresses");
        }
        return new Pref64(bytes, length);
    }

    public int length() {
        return length;
    }

    public boolean isWellKnown() {
        return length == 96 && Arrays.equals(prefix, WELL_KNOWN.prefix);
    }

    /**
     * Whether synthesis may use this prefix for {@code ipv4}: always for a network-specific prefix; for the
     * Well-Known Prefix only when the address is global (RFC 6052 §3.1).
     */
    public boolean mayRepresent(Inet4Address ipv4) {
        return !isWellKnown() || Ipv4Scope.isGlobal(ipv4);
    }

    /** The IPv4-embedded IPv6 address of {@code ipv4}; suffix bits are zero. */
    public Inet6Address embed(Inet4Address ipv4) {
        byte[] v6 = prefix.clone();
        byte[] v4 = ipv4.getAddress();
        int at = length / 8;
        for (byte octet : v4) {
            if (at == U_OCTET) {
                at++;
            }
            v6[at++] = octet;
        }
        return toInet6(v6);
    }

    /**
     * The IPv4 address embedded in {@code ipv6}, if it lies under this prefix and its u octet is zero. Suffix bits
     * are ignored (RFC 6052 §2.2 reserves them).
     */
    public Optional<Inet4Address> extract(Inet6Address ipv6) {
        byte[] v6 = ipv6.getAddress();
        if (!contains(v6) || v6[U_OCTET] != 0) {
            return Optional.empty();
        }
        byte[] v4 = new byte[4];
        int at = length / 8;
        for (int i = 0; i < 4; i++) {
            if (at == U_OCTET) {
                at++;
            }
            v4[i] = v6[at++];
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    public boolean contains(byte[] ipv6) {
        return new Ipv6Range(prefix, length).contains(ipv6);
    }

    /** The ip6.arpa name of this prefix (RFC 3596 §2.5), e.g. {@code b.9.f.f.4.6.d.f.ip6.arpa.} for fd64:ff9b::/96. */
    public Name reverseZone() {
        StringBuilder nibbles = new StringBuilder();
        for (int i = length / 4 - 1; i >= 0; i--) {
            int b = prefix[i / 2] & 0xFF;
            nibbles.append(Character.forDigit(i % 2 == 0 ? b >> 4 : b & 0xF, 16)).append('.');
        }
        try {
            return Name.fromString(nibbles.substring(0, nibbles.length() - 1), IP6_ARPA); // relative to ip6.arpa
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return Ipv6Text.format(prefix) + "/" + length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pref64 p && p.length == length && Arrays.equals(p.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) * 31 + length;
    }

    static Inet6Address toInet6(byte[] sixteen) {
        try {
            return Inet6Address.getByAddress(null, sixteen, null);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // sixteen bytes are always an address
        }
    }
}
