package org.flatracoon.netstack.bgp.rib;

import org.flatracoon.netstack.bgp.wire.Family;

/** Where best-route changes go besides the peers: the kernel routing table. Called on the event loop. */
public interface RouteSink {
    RouteSink NONE = new RouteSink() {
        @Override
        public void install(Family family, long hi, long lo, int length, byte[] nextHop) {
        }

        @Override
        public void remove(Family family, long hi, long lo, int length) {
        }
    };

    /** {@code nextHop}: 4 or 16 bytes, or 32 (global + link-local). */
    void install(Family family, long hi, long lo, int length, byte[] nextHop);

    void remove(Family family, long hi, long lo, int length);

    /** End of a batch of changes: a good moment to hand them to the kernel together. */
    default void flush() {
    }
}
