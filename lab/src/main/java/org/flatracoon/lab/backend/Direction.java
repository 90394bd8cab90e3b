package org.flatracoon.lab.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * Which way along a link a fault acts: traffic sent by one node, or both ways. A lossy radio
 * link or a congested uplink is often bad in one direction only, and protocols react differently.
 */
public record Direction(Optional<String> from) {

    public static final Direction BOTH = new Direction(Optional.empty());

    public Direction {
        Objects.requireNonNull(from, "from");
    }

    /** Only what {@code node} sends over the link. */
    public static Direction from(String node) {
        return new Direction(Optional.of(node));
    }

    /** Whether traffic sent by {@code node} is affected. */
    public boolean covers(String sender) {
        return from.map(sender::equals).orElse(true);
    }

    @Override
    public String toString() {
        return from.map(node -> "from " + node).orElse("both ways");
    }
}
