package org.flatracoon.netstack.bgp.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Prefixes as plain numbers, so that a million of them cost no objects: an IPv4 prefix is {@code hi} = the
 * address as an unsigned 32-bit value; an IPv6 prefix is {@code hi}/{@code lo} = the upper/lower 64 bits.
 * Host bits are always zero. This class converts them to and from text and wire bytes.
 */
public final class Prefixes {
    private Prefixes() {
    }

    /** Zeroes the bits after {@code length} (RFC 4271: trailing bits are irrelevant). */
    public static long maskHi(Family family, long hi, int length) {
        if (family == Family.IPV4) {
            return length == 0 ? 0 : hi & (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
        }
        return length == 0 ? 0 : length >= 64 ? hi : hi & (-1L << (64 - length));
    }

    public static long maskLo(Family family, long lo, int length) {
        if (family == Family.IPV4 || length <= 64) {
            return 0;
        }
        return length >= 128 ? lo : lo & (-1L << (128 - length));
    }

    /** {@code 203.0.113.0/24} or {@code 2001:db8::/32}. */
    public static String format(Family family, long hi, long lo, int length) {
        return address(family, hi, lo) + "/" + length;
    }

    public static String address(Family family, long hi, long lo) {
        return addressOf(toBytes(family, hi, lo));
    }

    public static String addressOf(byte[] address) {
        try {
            String text = InetAddress.getByAddress(address).getHostAddress();
            return address.length == 16 ? compressV6(text) : text;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + address.length + " bytes");
        }
    }

    public static byte[] toBytes(Family family, long hi, long lo) {
        byte[] b = new byte[family.addressBytes()];
        if (family == Family.IPV4) {
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) (hi >>> (24 - 8 * i));
            }
        } else {
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (hi >>> (56 - 8 * i));
                b[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
        }
        return b;
    }

    public static long hiOf(byte[] address) {
        long v = 0;
        int n = address.length == 4 ? 4 : 8;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (address[i] & 0xFF);
        }
        return v;
    }

    public static long loOf(byte[] address) {
        if (address.length == 4) {
            return 0;
        }
        long v = 0;
        for (int i = 8; i < 16; i++) {
            v = (v << 8) | (address[i] & 0xFF);
        }
        return v;
    }

    /** An IPv6 next hop for an address of either family: IPv4 becomes IPv4-mapped {@code ::ffff:a.b.c.d}. */
    public static byte[] asIpv6(byte[] address) {
        if (address.length != 4) {
            return address;
        }
        byte[] m = new byte[16];
        m[10] = (byte) 0xFF;
        m[11] = (byte) 0xFF;
        System.arraycopy(address, 0, m, 12, 4);
        return m;
    }

    /** A parsed prefix from text, for configuration and tests. */
    public record Parsed(Family family, long hi, long lo, int length) {
        @Override
        public String toString() {
            return format(family, hi, lo, length);
        }
    }

    /**
     * Parses {@code 203.0.113.0/24} or {@code 2001:db8::/32} (numeric only; host bits must be zero so that a
     * typo does not silently widen a filter). Empty on any error, with the reason in {@code problem[0]}.
     */
    public static Optional<Parsed> parse(String text, String[] problem) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            problem[0] = "'" + text + "' is not a prefix (ADDRESS/LENGTH)";
            return Optional.empty();
        }
        Optional<byte[]> address = parseAddress(text.substring(0, slash));
        if (address.isEmpty()) {
            problem[0] = "'" + text.substring(0, slash) + "' is not a numeric IPv4 or IPv6 address";
            return Optional.empty();
        }
        Family family = address.get().length == 4 ? Family.IPV4 : Family.IPV6;
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > family.maxLength()) {
            problem[0] = "prefix length of '" + text + "' must be 0.." + family.maxLength();
            return Optional.empty();
        }
        long hi = hiOf(address.get());
        long lo = loOf(address.get());
        if (maskHi(family, hi, length) != hi || maskLo(family, lo, length) != lo) {
            problem[0] = "'" + text + "' has host bits set (did you mean "
                    + format(family, maskHi(family, hi, length), maskLo(family, lo, length), length) + "?)";
            return Optional.empty();
        }
        return Optional.of(new Parsed(family, hi, lo, length));
    }

    /** A numeric IPv4 or IPv6 address, never a DNS lookup. */
    public static Optional<byte[]> parseAddress(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            return Optional.of(b);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** RFC 5952-ish: the JDK prints {@code 2001:db8:0:0:0:0:0:1}; we print {@code 2001:db8::1}. */
    static String compressV6(String text) {
        String[] parts = text.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return text;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }
}
