package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;

/**
 * What a kind needs from its container beyond what every node gets (NET_ADMIN, NET_RAW, IPv6 on):
 * host devices such as {@code /dev/net/tun}, and namespaced sysctls such as forwarding. Containers
 * here are never privileged, so a kind asks for exactly what it uses.
 */
public record ContainerNeeds(List<String> devices, Map<String, String> sysctls) {

    public static final ContainerNeeds NONE = new ContainerNeeds(List.of(), Map.of());

    public ContainerNeeds {
        devices = List.copyOf(devices);
        sysctls = Map.copyOf(sysctls);
    }
}
