package org.flatracoon.lab.topology;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Strict text form of IP address literals.
 *
 * <p>We parse by hand rather than through {@link InetAddress#getByName}: the JDK accepts legacy
 * forms such as {@code 10.1} or {@code 010.0.0.1}, folds IPv4-mapped IPv6 addresses into IPv4,
 * and falls back to a DNS lookup for anything it does not recognise. IPv6 is printed in the
 * RFC 5952 compressed form ({@code 2001:db8:1::10}), which {@code getHostAddress()} does not do.
 */
final class IpText {

    private IpText() {
    }

    /** Parses an IPv4 or IPv6 literal; never touches DNS. */
    static InetAddress parseAddress(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
        return fromBytes(text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text));
    }

    /** Builds an address of the family the byte count implies (4 → IPv4, 16 → IPv6). */
    static InetAddress fromBytes(byte[] bytes) {
        try {
            if (bytes.length == 16) {
                // Inet6Address directly: InetAddress.getByAddress would turn ::ffff:a.b.c.d into IPv4.
                return Inet6Address.getByAddress(null, bytes, -1);
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    static String format(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : formatV6(address.getAddress());
    }

    static String familyName(InetAddress address) {
        return address instanceof Inet4Address ? "IPv4" : "IPv6";
    }

    static int maxPrefixLength(InetAddress address) {
        return address.getAddress().length * 8;
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (expected four dotted numbers)");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // Leading zeros are rejected because some tools read them as octal.
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0') || Integer.parseInt(part) > 255) {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address (bad number '" + part + "')");
            }
            bytes[i] = (byte) Integer.parseInt(part);
        }
        return bytes;
    }

    private static byte[] parseV6(String text) {
        String invalid = "'" + text + "' is not an IPv6 address";
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException(invalid + " ('::' may appear only once)");
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, invalid, gap < 0);
        int[] tailGroups = groups(tail, invalid, true);
        int count = headGroups.length + tailGroups.length;
        if (gap < 0 ? count != 8 : count > 7) {
            throw new IllegalArgumentException(invalid + " (wrong number of groups)");
        }
        byte[] bytes = new byte[16];
        put(bytes, 0, headGroups);
        put(bytes, 8 - tailGroups.length, tailGroups);
        return bytes;
    }

    /** Splits one side of '::' into 16-bit groups; an embedded IPv4 counts as two groups. */
    private static int[] groups(String side, String invalid, boolean mayEndInIpv4) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean endsInIpv4 = mayEndInIpv4 && parts[parts.length - 1].contains(".");
        int[] groups = new int[parts.length + (endsInIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (endsInIpv4 && i == parts.length - 1) {
                byte[] v4 = parseV4(part);
                groups[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else if (part.isEmpty() || part.length() > 4
                    || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(invalid + " (bad group '" + part + "')");
            } else {
                groups[i] = Integer.parseInt(part, 16);
            }
        }
        return groups;
    }

    private static void put(byte[] bytes, int firstGroup, int[] groups) {
        for (int i = 0; i < groups.length; i++) {
            bytes[2 * (firstGroup + i)] = (byte) (groups[i] >> 8);
            bytes[2 * (firstGroup + i) + 1] = (byte) groups[i];
        }
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as '::'. */
    private static String formatV6(byte[] bytes) {
        if (isIpv4Mapped(bytes)) {
            // RFC 5952 section 5: the IPv4 part of a mapped address is written dotted.
            return "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
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
            i = Math.max(j, i + 1);
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
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
