package org.flatracoon.netstack.dns64.resolve;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Optional;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.xbill.DNS.Name;
import org.xbill.DNS.ReverseMap;

/**
 * PTR names of synthesised addresses (RFC 6147 §5.3.1): a full 32-nibble ip6.arpa name under our prefix maps to the
 * in-addr.arpa name of the IPv4 address it embeds.
 */
final class ReversePrefix {
    private static final Name IP6_ARPA = Name.fromConstantString("ip6.arpa.");
    private static final int NIBBLES = 32;

    private final Pref64 prefix;

    ReversePrefix(Pref64 prefix) {
        this.prefix = prefix;
    }

    /** The in-addr.arpa name for {@code name}, if it is the reverse name of an address under the prefix. */
    Optional<Name> ipv4Name(Name name) {
        if (name.labels() != NIBBLES + 3 || !name.subdomain(IP6_ARPA)) {
            return Optional.empty();
        }
        byte[] address = new byte[16];
        for (int i = 0; i < NIBBLES; i++) {
            String label = name.getLabelString(i);
            int nibble = label.length() == 1 ? Character.digit(label.charAt(0), 16) : -1;
            if (nibble < 0) {
                return Optional.empty();
            }
            int index = NIBBLES - 1 - i; // the first label is the last nibble
            address[index / 2] |= (byte) (index % 2 == 0 ? nibble << 4 : nibble);
        }
        try {
            Optional<Inet4Address> v4 = prefix.extract(Inet6Address.getByAddress(null, address, null));
            return v4.map(ReverseMap::fromAddress);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
