package org.flatracoon.netstack.hesiod.server;

import java.util.Optional;
import org.flatracoon.netstack.hesiod.query.Transport;

/** What the listeners call for each received DNS message. Must be thread-safe and must not throw. */
@FunctionalInterface
public interface PacketProcessor {
    Optional<byte[]> process(byte[] packet, Transport transport);
}
