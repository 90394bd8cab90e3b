package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;

/**
 * What a kind needs from its container beyond what every node gets (NET_ADMIN, NET_RAW, IPv6 on):
 * host devices such as {@code /dev/net/tun}, namespaced sysctls such as forwarding, and further
 * Linux capabilities (zebra's SYS_ADMIN). Containers here are never privileged, so a kind asks for
 * exactly what it uses.
 */
public record ContainerNeeds(List<String> devices, Map<String, String> sysctls, List<String> capabilities) {

    public static final ContainerNeeds NONE = new ContainerNeeds(List.of(), Map.of(), List.of());

    /** A router forwards IPv4 and IPv6 between its interfaces. */
    public static final ContainerNeeds ROUTER = NONE.withSysctls(Map.of(
            "net.ipv4.ip_forward", "1",
            "net.ipv6.conf.all.forwarding", "1"));

    public ContainerNeeds {
        devices = List.copyOf(devices);
        sysctls = Map.copyOf(sysctls);
        capabilities = List.copyOf(capabilities);
    }

    public ContainerNeeds withDevices(List<String> more) {
        return new ContainerNeeds(more, sysctls, capabilities);
    }

    public ContainerNeeds withSysctls(Map<String, String> more) {
        return new ContainerNeeds(devices, more, capabilities);
    }

    public ContainerNeeds withCapabilities(List<String> more) {
        return new ContainerNeeds(devices, sysctls, more);
    }
}
