package org.flatracoon.netstack.dns64.resolve;

/** How an answer came about, for the metrics. */
public enum Outcome {
    /** The upstream's answer, passed on (real AAAA, NXDOMAIN, other types, errors). */
    FORWARDED,
    /** AAAA records synthesised from A records (RFC 6147 §5.1). */
    SYNTHESIZED_AAAA,
    /** A PTR question under the prefix, answered with a CNAME into in-addr.arpa (RFC 6147 §5.3.1). */
    SYNTHESIZED_PTR,
    /** ipv4only.arpa, answered locally (RFC 8880 §7.2). */
    LOCAL,
    /** No upstream answered. */
    UPSTREAM_FAILED
}
