package org.flatracoon.netstack.overlay.netconf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.NetworkId;

/** The IPv6 addresses ZeroTier derives from network id and member address (PROTOCOLS.md §6.1). */
public final class ManagedIpv6 {
    private ManagedIpv6() {
    }

    /** {@code fd ‖ nwid ‖ 99 93 ‖ address}, prefix /88. */
    public static String rfc4193(NetworkId network, Address member) {
        byte[] b = new byte[16];
        b[0] = (byte) 0xfd;
        long nwid = network.value();
        for (int i = 0; i < 8; i++) {
            b[1 + i] = (byte) (nwid >>> (56 - 8 * i));
        }
        b[9] = (byte) 0x99;
        b[10] = (byte) 0x93;
        member.write(b, 11);
        return Ip.format(address(b)) + "/88";
    }

    /** {@code fc ‖ low32(nwid ^ nwid>>32) ‖ address ‖ 00…01}; the member owns the /80, the network is the /40. */
    public static String sixPlane(NetworkId network, Address member) {
        byte[] b = new byte[16];
        b[0] = (byte) 0xfc;
        long nwid = network.value();
        int h = (int) (nwid ^ (nwid >>> 32));
        for (int i = 0; i < 4; i++) {
            b[1 + i] = (byte) (h >>> (24 - 8 * i));
        }
        member.write(b, 5);
        b[15] = 1;
        return Ip.format(address(b)) + "/40";
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
