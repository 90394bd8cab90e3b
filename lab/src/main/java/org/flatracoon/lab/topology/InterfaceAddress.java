package org.flatracoon.lab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/** An address assigned to an interface together with its prefix length, e.g. 192.0.2.10/24. */
public record InterfaceAddress(InetAddress address, int prefixLength) {

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        IpPrefix.checkLength(address, prefixLength);
        // Re-create without host name or scope so equality and printing depend on the bytes only.
        address = IpText.fromBytes(address.getAddress());
    }

    /** Parses {@code 192.0.2.10/24} or {@code 2001:db8:1::10/64}; the prefix length is required. */
    public static InterfaceAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length; write address/length, e.g. "
                    + (trimmed.contains(":") ? "2001:db8:1::10/64" : "192.0.2.10/24"));
        }
        InetAddress address = IpText.parseAddress(trimmed.substring(0, slash));
        String length = trimmed.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' has an invalid prefix length '" + length + "'");
        }
        return new InterfaceAddress(address, Integer.parseInt(length));
    }

    /** The network this address belongs to. */
    public IpPrefix subnet() {
        return new IpPrefix(address, prefixLength);
    }

    /** The address alone, IPv6 in compressed form (e.g. {@code 2001:db8:1::10}). */
    public String addressText() {
        return IpText.format(address);
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return addressText() + "/" + prefixLength;
    }
}
