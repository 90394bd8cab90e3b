package org.flatracoon.lab.probe.bgp;

import org.flatracoon.lab.topology.InterfaceAddress;

/** Addresses as the daemons print them, in one canonical (compressed) form. */
final class Addresses {

    private Addresses() {
    }

    static String canonical(String address) {
        String bare = address.strip();
        return InterfaceAddress.parse(bare + (bare.contains(":") ? "/128" : "/32")).addressText();
    }

    static String canonicalPrefix(String prefix) {
        return org.flatracoon.lab.topology.IpPrefix.parse(prefix.strip()).toString();
    }
}
