package org.flatracoon.lab.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bridge interfaces Docker creates on the machine for a lab's link networks ({@code br-} and
 * the first 12 hex digits of the network id). Removing the network removes its bridge, and with
 * the containers gone their veth ends go too; a bridge still present after the lab closed is a
 * leak the container and network listings cannot show.
 */
record HostBridges(List<String> names) {

    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    HostBridges {
        names = List.copyOf(names);
    }

    static HostBridges ofNetworks(List<String> networkIds) {
        return new HostBridges(networkIds.stream().map(id -> "br-" + id.substring(0, Math.min(12, id.length()))).toList());
    }

    /** The bridges still on this machine; empty when the engine is not local (nothing to see from here). */
    List<String> stillPresent() {
        if (!Files.isDirectory(SYS_CLASS_NET)) {
            return List.of();
        }
        return names.stream().filter(name -> Files.exists(SYS_CLASS_NET.resolve(name))).toList();
    }
}
