package org.flatracoon.netstack.overlay.netconf;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP literals and prefixes, parsed without ever asking DNS. */
public final class Ip {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]+");

    private Ip() {
    }

    /** @throws IllegalArgumentException when the text is not an IPv4 or IPv6 literal */
    public static InetAddress parse(String text) {
        if (text != null && (V4.matcher(text).matches() || (text.contains(":") && V6.matcher(text).matches()))) {
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }

    /** IPv4 dotted, IPv6 in RFC 5952 form ({@code 2001:db8::1}), as ZeroTier writes them. */
    public static String format(InetAddress address) {
        if (!isV6(address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        // the longest run of two or more zero groups (the first if tied) becomes "::"
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
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    public static BigInteger toNumber(InetAddress address) {
        return new BigInteger(1, address.getAddress());
    }

    public static InetAddress fromNumber(BigInteger n, boolean v6) {
        byte[] raw = n.toByteArray();
        byte[] b = new byte[v6 ? 16 : 4];
        int copy = Math.min(raw.length, b.length);
        System.arraycopy(raw, raw.length - copy, b, b.length - copy, copy);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isV6(InetAddress a) {
        return a instanceof Inet6Address;
    }

    public static boolean isV4(InetAddress a) {
        return a instanceof Inet4Address;
    }

    /** An address prefix such as {@code 10.147.17.0/24} or {@code fd00::/8}. */
    public record Cidr(InetAddress network, int prefix) {
        /** @throws IllegalArgumentException naming the problem */
        public static Cidr parse(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a prefix (ADDRESS/LENGTH)");
            }
            InetAddress address = Ip.parse(text.substring(0, slash));
            int max = isV6(address) ? 128 : 32;
            int prefix;
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "': prefix length must be 0.." + max);
            }
            return new Cidr(mask(address, prefix), prefix);
        }

        public boolean contains(InetAddress address) {
            return isV6(address) == isV6(network) && mask(address, prefix).equals(network);
        }

        public boolean v6() {
            return isV6(network);
        }

        @Override
        public String toString() {
            return format(network) + "/" + prefix;
        }

        private static InetAddress mask(InetAddress address, int prefix) {
            byte[] b = address.getAddress();
            for (int i = 0; i < b.length; i++) {
                int keep = Math.max(0, Math.min(8, prefix - 8 * i));
                b[i] &= (byte) (0xff << (8 - keep));
            }
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
