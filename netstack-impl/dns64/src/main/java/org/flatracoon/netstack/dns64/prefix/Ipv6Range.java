package org.flatracoon.netstack.dns64.prefix;

import java.net.Inet6Address;
import java.util.Arrays;
import org.xbill.DNS.Address;

/** An IPv6 address range {@code ADDRESS/LENGTH}, e.g. an RFC 6147 §5.1.4 exclusion range such as ::ffff:0:0/96. */
public final class Ipv6Range {
    /** IPv4-mapped addresses (RFC 4291 §2.5.5.2): never a real AAAA of a host; RFC 6147's default exclusion. */
    public static final Ipv6Range IPV4_MAPPED = parse("::ffff:0:0/96");

    private final byte[] network;
    private final int length;

    Ipv6Range(byte[] network, int length) {
        this.network = network;
        this.length = length;
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static Ipv6Range parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no length: write it as ADDRESS/LENGTH, e.g. ::ffff:0:0/96");
        }
        int length;
        try {
            length = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the length is not a number");
        }
        if (length < 0 || length > 128) {
            throw new IllegalArgumentException("'" + text + "': the length must be 0..128");
        }
        byte[] bytes = ipv6Literal(t.substring(0, slash), text);
        if (!hostBitsZero(bytes, length)) {
            throw new IllegalArgumentException("'" + text + "' has bits set after /" + length);
        }
        return new Ipv6Range(bytes, length);
    }

    public boolean contains(Inet6Address address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] address) {
        if (address.length != 16) {
            return false;
        }
        int full = length / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return Ipv6Text.format(network) + "/" + length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv6Range r && r.length == length && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + length;
    }

    /** The sixteen bytes of an IPv6 literal (never a name lookup; ::ffff:a.b.c.d stays IPv6). */
    static byte[] ipv6Literal(String literal, String whole) {
        byte[] bytes = literal.contains(":") ? Address.toByteArray(literal, Address.IPv6) : null;
        if (bytes == null) {
            throw new IllegalArgumentException("'" + whole + "': '" + literal + "' is not an IPv6 address");
        }
        return bytes;
    }

    static boolean hostBitsZero(byte[] bytes, int length) {
        for (int bit = length; bit < 128; bit++) {
            if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
