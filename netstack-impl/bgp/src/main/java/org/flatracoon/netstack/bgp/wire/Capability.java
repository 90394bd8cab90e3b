package org.flatracoon.netstack.bgp.wire;

import java.util.Arrays;

/** One capability of an OPEN (RFC 5492): code and raw value; unknown ones are kept and ignored. */
public record Capability(int code, byte[] value) {
    public static final int MULTIPROTOCOL = 1;
    public static final int ROUTE_REFRESH = 2;
    public static final int EXTENDED_MESSAGE = 6;
    public static final int GRACEFUL_RESTART = 64;
    public static final int FOUR_OCTET_AS = 65;
    public static final int ADD_PATH = 69;
    public static final int ENHANCED_ROUTE_REFRESH = 70;

    public Capability {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static Capability multiprotocol(Family family) {
        return new Capability(MULTIPROTOCOL, new byte[] {0, (byte) family.afi(), 0, (byte) family.safi()});
    }

    public static Capability fourOctetAs(long asn) {
        return new Capability(FOUR_OCTET_AS, new byte[] {(byte) (asn >>> 24), (byte) (asn >>> 16), (byte) (asn >>> 8),
            (byte) asn});
    }

    public static Capability routeRefresh() {
        return new Capability(ROUTE_REFRESH, new byte[0]);
    }

    public static Capability enhancedRouteRefresh() {
        return new Capability(ENHANCED_ROUTE_REFRESH, new byte[0]);
    }

    /** Helper mode only (flags 0, no AFIs): FRR sends End-of-RIB only to speakers that send this (PROTOCOLS §1.2). */
    public static Capability gracefulRestartHelper(int restartSeconds) {
        return new Capability(GRACEFUL_RESTART, new byte[] {(byte) ((restartSeconds >>> 8) & 0x0F), (byte) restartSeconds});
    }

    /** {@code ipv4-unicast}, {@code route-refresh}, …, {@code unknown-73}. */
    public String name() {
        return switch (code) {
            case MULTIPROTOCOL -> value.length == 4
                    ? Family.of(((value[0] & 0xFF) << 8) | (value[1] & 0xFF), value[3] & 0xFF)
                            .map(Family::capabilityName)
                            .orElse("multiprotocol-" + (((value[0] & 0xFF) << 8) | (value[1] & 0xFF)) + "/" + (value[3] & 0xFF))
                    : "multiprotocol-malformed";
            case ROUTE_REFRESH -> "route-refresh";
            case EXTENDED_MESSAGE -> "extended-message";
            case GRACEFUL_RESTART -> "graceful-restart";
            case FOUR_OCTET_AS -> "four-octet-as";
            case ADD_PATH -> "add-path";
            case ENHANCED_ROUTE_REFRESH -> "enhanced-route-refresh";
            default -> "unknown-" + code;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capability c && c.code == code && Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * code + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name();
    }
}
