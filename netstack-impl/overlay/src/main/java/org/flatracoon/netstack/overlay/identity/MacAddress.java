package org.flatracoon.netstack.overlay.identity;

/**
 * A member's Ethernet address, derived from its node address and the network id exactly as ZeroTier's
 * {@code MAC::fromAddress}; reversible, so the destination MAC of a frame names the peer to send it to.
 */
public final class MacAddress {
    private MacAddress() {
    }

    /** The 48-bit MAC of a member. */
    public static long of(Address address, NetworkId network) {
        long nwid = network.value();
        long first = (nwid & 0xfe) | 0x02;
        if (first == 0x52) {
            first = 0x32; // 52:54:00 is QEMU's
        }
        return (first << 40) | (address.value() ^ xorMask(nwid));
    }

    /** The member address a unicast MAC of this network stands for. */
    public static Address toAddress(long mac, NetworkId network) {
        return new Address((mac & 0xff_ffff_ffffL) ^ xorMask(network.value()));
    }

    /** Reads a MAC from 6 bytes. */
    public static long read(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }

    /** Group (broadcast or multicast) addresses have the lowest bit of the first octet set. */
    public static boolean isGroup(byte[] b, int offset) {
        return (b[offset] & 1) != 0;
    }

    public static String format(long mac) {
        StringBuilder s = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            s.append(Hex.of((mac >>> (8 * i)) & 0xff, 2));
            if (i > 0) {
                s.append(':');
            }
        }
        return s.toString();
    }

    private static long xorMask(long nwid) {
        return (((nwid >>> 8) & 0xff) << 32) ^ (((nwid >>> 16) & 0xff) << 24) ^ (((nwid >>> 24) & 0xff) << 16)
                ^ (((nwid >>> 32) & 0xff) << 8) ^ ((nwid >>> 40) & 0xff);
    }
}
