package org.flatracoon.netstack.hesiod.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** A list of address prefixes (e.g. {@code 198.51.100.54/32}, {@code 2001:db8:53::/64}); empty allows nobody. */
public record AddressAcl(List<Prefix> prefixes) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    public AddressAcl {
        prefixes = List.copyOf(prefixes);
    }

    public static AddressAcl nobody() {
        return new AddressAcl(List.of());
    }

    public boolean allows(InetAddress client) {
        return prefixes.stream().anyMatch(p -> p.contains(client));
    }

    /** One prefix: the first {@code length} bits of {@code network}. */
    public record Prefix(InetAddress network, int length) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            for (int bit = 0; bit < length; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + length;
        }
    }

    /**
     * Parses {@code ADDRESS} or {@code ADDRESS/LENGTH}, literals only (no name is ever looked up).
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static Prefix parsePrefix(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not an address or prefix");
        }
        InetAddress address = parseLiteral(parts[0]);
        int max = address.getAddress().length * 8;
        int length = max;
        if (parts.length == 2) {
            try {
                length = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("'" + text + "': prefix length must be 0.." + max);
            }
        }
        return new Prefix(address, length);
    }

    /** An IPv4 or IPv6 literal; a host name is refused rather than resolved. */
    public static InetAddress parseLiteral(String text) {
        if (!LITERAL.matcher(text).matches() || (!text.contains(":") && text.chars().filter(c -> c == '.').count() != 3)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
    }
}
