package org.flatracoon.netstack.bgp.wire;

import java.util.Optional;

/** The address families we speak (AFI/SAFI pairs of RFC 4760); unicast only. */
public enum Family {
    IPV4(1, 1, 4, "ipv4"),
    IPV6(2, 1, 16, "ipv6");

    private final int afi;
    private final int safi;
    private final int addressBytes;
    private final String label;

    Family(int afi, int safi, int addressBytes, String label) {
        this.afi = afi;
        this.safi = safi;
        this.addressBytes = addressBytes;
        this.label = label;
    }

    public int afi() {
        return afi;
    }

    public int safi() {
        return safi;
    }

    public int addressBytes() {
        return addressBytes;
    }

    public int maxLength() {
        return addressBytes * 8;
    }

    /** {@code ipv4} or {@code ipv6}, as in the configuration file and the JSON API. */
    public String label() {
        return label;
    }

    /** {@code ipv4-unicast}, as a capability name. */
    public String capabilityName() {
        return label + "-unicast";
    }

    public static Optional<Family> of(int afi, int safi) {
        for (Family f : values()) {
            if (f.afi == afi && f.safi == safi) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<Family> ofLabel(String label) {
        for (Family f : values()) {
            if (f.label.equals(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
