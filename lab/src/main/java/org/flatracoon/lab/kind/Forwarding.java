package org.flatracoon.lab.kind;

import java.util.Map;

/** The kernel settings of a router: it forwards IPv4 and IPv6 between its interfaces. */
final class Forwarding {

    static final Map<String, String> SYSCTLS = Map.of(
            "net.ipv4.ip_forward", "1",
            "net.ipv6.conf.all.forwarding", "1");

    private Forwarding() {
    }
}
