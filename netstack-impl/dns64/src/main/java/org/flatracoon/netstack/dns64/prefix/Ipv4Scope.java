package org.flatracoon.netstack.dns64.prefix;

import java.net.Inet4Address;

/**
 * Whether an IPv4 address is global in the sense of RFC 6052 §3.1: not in a block of the IANA IPv4
 * Special-Purpose Address Registry (RFC 6890) that is not globally reachable, and not multicast or reserved.
 */
public final class Ipv4Scope {
    /** Network, prefix length. 192.0.0.9/32 and 192.0.0.10/32 are global exceptions inside 192.0.0.0/24. */
    private static final int[][] NON_GLOBAL = {
        {0x00000000, 8},   // "this network"
        {0x0A000000, 8},   // private (RFC 1918)
        {0x64400000, 10},  // shared address space (RFC 6598)
        {0x7F000000, 8},   // loopback
        {0xA9FE0000, 16},  // link local
        {0xAC100000, 12},  // private
        {0xC0000000, 24},  // IETF protocol assignments (incl. 192.0.0.170/171 of ipv4only.arpa)
        {0xC0000200, 24},  // TEST-NET-1
        {0xC0586300, 24},  // 6to4 relay anycast (deprecated)
        {0xC0A80000, 16},  // private
        {0xC6120000, 15},  // benchmarking
        {0xC6336400, 24},  // TEST-NET-2
        {0xCB007100, 24},  // TEST-NET-3
        {0xE0000000, 4},   // multicast
        {0xF0000000, 4},   // reserved, and the limited broadcast address
    };

    private Ipv4Scope() {
    }

    public static boolean isGlobal(Inet4Address address) {
        byte[] b = address.getAddress();
        int value = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (value == 0xC0000009 || value == 0xC000000A) {
            return true; // PCP and TURN anycast
        }
        for (int[] block : NON_GLOBAL) {
            int mask = -1 << (32 - block[1]);
            if ((value & mask) == block[0]) {
                return false;
            }
        }
        return true;
    }
}
