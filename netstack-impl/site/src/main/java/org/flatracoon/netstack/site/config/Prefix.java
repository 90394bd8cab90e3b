package org.flatracoon.netstack.site.config;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network written ADDRESS/LENGTH, with no host bits set (203.0.113.184/29, fd64:ff9b::/96). */
public record Prefix(InetAddress network, int length) {

    public Prefix {
        int bits = network.getAddress().length * 8;
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " is not in 0.." + bits);
        }
    }

    /** Parses ADDRESS/LENGTH (or a bare address, as a host prefix); only literals, never a name lookup. */
    public static Prefix parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
        int bits = address.getAddress().length * 8;
        int length;
        try {
            length = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': the prefix length is not a number");
        }
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("'" + text + "': prefix length " + length + " is not in 0.." + bits);
        }
        Prefix prefix = new Prefix(address, length);
        if (!prefix.masked().equals(address)) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network is "
                    + prefix.masked().getHostAddress() + "/" + length);
        }
        return prefix;
    }

    /** An IPv4 or IPv6 address literal; names are refused rather than looked up. */
    public static InetAddress literal(String text) {
        String t = text.strip();
        boolean looksLikeAddress = !t.isEmpty() && (t.contains(":") || t.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (!looksLikeAddress) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address");
        }
    }

    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }

    public boolean isIpv6() {
        return network instanceof Inet6Address;
    }

    public boolean contains(InetAddress address) {
        if (address.getAddress().length != network.getAddress().length) {
            return false;
        }
        return new Prefix(address, length).masked().equals(network);
    }

    /** Whether the two networks share any address. */
    public boolean overlaps(Prefix other) {
        return isIpv4() == other.isIpv4() && (contains(other.network) || other.contains(network));
    }

    private InetAddress masked() {
        byte[] bytes = network.getAddress();
        int bits = bytes.length * 8;
        BigInteger value = new BigInteger(1, bytes);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - length).subtract(BigInteger.ONE));
        byte[] raw = value.and(mask).toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return text(network) + "/" + length;
    }

    /** An address as people write it: IPv6 in the RFC 5952 form (longest run of zero groups as ::). */
    public static String text(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
