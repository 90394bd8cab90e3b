package org.flatracoon.lab.probe;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6052 arithmetic for judging what DNS64 and NAT64 observably did: an IPv4 address embedded in a NAT64 prefix, and the prefix a
 * client infers from a synthesised address of ipv4only.arpa (RFC 7050 section 3).
 */
public final class Nat64Address {
    /** The two addresses ipv4only.arpa has (RFC 7050). */
    public static final List<String> WELL_KNOWN_IPV4 = List.of("192.0.0.170", "192.0.0.171");
    private static final int[] LENGTHS = {96, 64, 56, 48, 40, 32};

    private Nat64Address() {
    }

    /** {@code prefix} written ADDRESS/LENGTH, with the IPv4 address embedded as RFC 6052 places it. */
    public static InetAddress embed(String prefix, String ipv4) {
        String[] parts = prefix.split("/");
        int length = Integer.parseInt(parts[1]);
        byte[] out = parse(parts[0]).getAddress();
        byte[] v4 = parse(ipv4).getAddress();
        int bit = length;
        for (byte b : v4) {
            for (int i = 7; i >= 0; i--) {
                if (bit >= 64 && bit < 72) {
                    bit = 72; // bits 64-71, the "u" octet, stay zero
                }
                int value = (b >> i) & 1;
                out[bit / 8] = (byte) (out[bit / 8] & ~(1 << (7 - bit % 8)) | (value << (7 - bit % 8)));
                bit++;
            }
        }
        return address(out);
    }

    /** The prefix (ADDRESS/LENGTH) a client infers from one synthesised AAAA of ipv4only.arpa, if any. */
    public static Optional<String> discoveredFrom(String aaaa) {
        InetAddress synthesised = parse(aaaa);
        for (int length : LENGTHS) {
            String prefix = text(mask(synthesised.getAddress(), length)) + "/" + length;
            for (String known : WELL_KNOWN_IPV4) {
                if (embed(prefix, known).equals(synthesised)) {
                    return Optional.of(prefix);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code address} lies inside {@code prefix} (ADDRESS/LENGTH). */
    public static boolean inside(String prefix, String address) {
        String[] parts = prefix.split("/");
        int length = Integer.parseInt(parts[1]);
        InetAddress candidate = parse(address);
        return candidate instanceof Inet6Address
                && mask(candidate.getAddress(), length).equals(mask(parse(parts[0]).getAddress(), length));
    }

    public static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + literal, e);
        }
    }

    private static InetAddress mask(byte[] bytes, int length) {
        byte[] out = bytes.clone();
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
        }
        return address(out);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(InetAddress address) {
        return address.getHostAddress().replaceAll("((?:^|:)0(?::0)+(?::|$))", "::").replaceFirst(":{3,}", "::");
    }
}
