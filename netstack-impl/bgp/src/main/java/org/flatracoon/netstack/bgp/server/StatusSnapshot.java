package org.flatracoon.netstack.bgp.server;

import java.util.List;
import java.util.Map;

/** Counters taken on the event loop for the metrics scrape. */
record StatusSnapshot(List<Neighbor> neighbors, Map<String, Long> locRib, Map<String, Long> kernel) {
    record Neighbor(String address, boolean established, long received, long accepted, long advertised) {
    }
}
