package org.flatracoon.netstack.hesiod.query;

import java.util.Optional;

/**
 * What the handler decided for one incoming packet: the bytes to send back (none if the packet is dropped),
 * plus what the metrics need to know about it.
 */
public final class Reply {
    /** Used for {@link #qclass()} and {@link #qtype()} when no question could be read. */
    public static final int UNKNOWN = -1;

    private final byte[] wire;
    private final int rcode;
    private final int qclass;
    private final int qtype;
    private final boolean malformed;

    Reply(byte[] wire, int rcode, int qclass, int qtype, boolean malformed) {
        this.wire = wire;
        this.rcode = rcode;
        this.qclass = qclass;
        this.qtype = qtype;
        this.malformed = malformed;
    }

    static Reply dropped() {
        return new Reply(null, UNKNOWN, UNKNOWN, UNKNOWN, true);
    }

    /** The response message, or empty if nothing must be sent. */
    public Optional<byte[]> wire() {
        return Optional.ofNullable(wire);
    }

    /** The response RCODE (extended RCODEs included), or {@link #UNKNOWN} if dropped. */
    public int rcode() {
        return rcode;
    }

    public int qclass() {
        return qclass;
    }

    public int qtype() {
        return qtype;
    }

    /** The packet was not a well-formed DNS query (FORMERR or dropped). */
    public boolean malformed() {
        return malformed;
    }
}
