package org.flatracoon.netstack.dns64.prefix;

import java.net.Inet6Address;

/** IPv6 addresses as RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
public final class Ipv6Text {
    private Ipv6Text() {
    }

    public static String format(Inet6Address address) {
        return format(address.getAddress());
    }

    public static String format(byte[] sixteen) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((sixteen[2 * i] & 0xFF) << 8) | (sixteen[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not shortened (RFC 5952 §4.2.2)
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
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
