package org.flatracoon.netstack.hesiod.server;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.query.Transport;

/** What the listeners call for each received DNS message. Must be thread-safe and must not throw. */
@FunctionalInterface
public interface PacketProcessor {
    Optional<byte[]> process(byte[] packet, Transport transport);

    /**
     * The replies to one message from {@code client}, in order: none (dropped), one, or several (a zone
     * transfer over TCP). The client address is what transfer access control checks.
     */
    default List<byte[]> exchange(byte[] packet, Transport transport, InetAddress client) {
        return process(packet, transport).map(List::of).orElse(List.of());
    }
}
