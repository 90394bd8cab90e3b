package org.flatracoon.lab.docker;

import java.util.Optional;

/**
 * What a lab started by this process holds beyond its containers and networks: its address
 * pools (released at close), the host bridges of its links (checked for leaks after close), its
 * packet captures and the forwarding rules of its links (removed at close). A lab this process
 * only attached to (`lab fault` on a `lab up` lab) has none.
 */
record OwnedResources(AddressPools.Lease addresses, HostBridges bridges, Optional<LinkCaptures> captures,
        LinkForwarding forwarding) {
}
