package org.flatracoon.netstack.dns64.server;

import java.util.List;

/**
 * What {@code GET /health} says: ready once the DNS sockets are bound; the prefix and upstreams in use, and how many
 * answers are cached. Readiness does not depend on the upstream: a DNS64 still answers ipv4only.arpa without one.
 */
public record HealthReport(boolean ready, String prefix, List<String> upstream, int cacheEntries) {
}
