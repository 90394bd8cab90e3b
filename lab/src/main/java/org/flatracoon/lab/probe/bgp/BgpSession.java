package org.flatracoon.lab.probe.bgp;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One BGP session as the router itself reports it, whatever the implementation.
 *
 * @param peer             the neighbour's address, IPv6 compressed
 * @param state            the RFC 4271 FSM state name (Idle, Connect, Active, OpenSent, OpenConfirm, Established)
 * @param uptime           how long the session has been established; empty when it is not
 * @param prefixesReceived prefixes accepted from the peer, all address families together
 * @param lastError        why the session last went down (e.g. "Cease/Maximum Number of Prefixes Reached"), if known
 */
public record BgpSession(String peer, String state, Optional<Duration> uptime, int prefixesReceived,
        Optional<String> lastError) {

    public BgpSession {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(lastError, "lastError");
    }

    public boolean established() {
        return state.equalsIgnoreCase("Established");
    }

    @Override
    public String toString() {
        return peer + " " + state + (established() ? ", " + prefixesReceived + " prefixes received" : "")
                + lastError.map(error -> ", last error: " + error).orElse("");
    }
}
