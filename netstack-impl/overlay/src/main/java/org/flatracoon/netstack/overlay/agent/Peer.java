package org.flatracoon.netstack.overlay.agent;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKey;
import org.flatracoon.netstack.overlay.crypto.PairKeys;
import org.flatracoon.netstack.overlay.crypto.ReplayWindow;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * One peer in our network: its keys, our sending counter, its receiving session (learnt from its HELLO), and the
 * path we use to reach it. The receiving session and its replay window belong to the receiving thread; path fields
 * are written by the receiving thread (probe answers) and read by the senders.
 */
final class Peer {
    /** What we know of the peer's current sending epoch. */
    record Session(long epoch, SecretKey key, ReplayWindow window) {
    }

    final PublicIdentity identity;
    final long address;
    final long mac;
    final PairKeys keys;
    final SecretKey sendKey;
    final AtomicLong counter = new AtomicLong();
    volatile List<InetSocketAddress> endpoints;
    volatile Session session;
    volatile long lastHelloTimestamp = Long.MIN_VALUE;
    /** Where the peer's authenticated probes last came from, if not one of its endpoints (it moved, or NAT). */
    volatile InetSocketAddress learned;
    volatile InetSocketAddress direct;
    /** As seen by a designated root: where the peer's last direct HELLO came from. */
    volatile InetSocketAddress registered;
    volatile long directUntilNanos;
    volatile long lastReceiveNanos;
    volatile long lastHelloSentNanos;

    Peer(PublicIdentity identity, long mac, PairKeys keys, long localEpoch, List<InetSocketAddress> endpoints) {
        this.identity = identity;
        this.address = identity.address().value();
        this.mac = mac;
        this.keys = keys;
        this.sendKey = keys.sendKey(localEpoch);
        this.endpoints = endpoints;
    }

    boolean directAt(long nanos) {
        return direct != null && nanos - directUntilNanos < 0;
    }

    Address addressObject() {
        return new Address(address);
    }
}
