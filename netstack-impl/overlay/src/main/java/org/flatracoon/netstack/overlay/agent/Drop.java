package org.flatracoon.netstack.overlay.agent;

import java.util.Locale;

/** Why a packet or frame was dropped; the {@code reason} label of {@code overlay_drops_total}. */
public enum Drop {
    /** The authentication tag did not verify: forged, corrupted, or sealed with another key. */
    BAD_TAG,
    /** The counter was seen before or is older than the replay window. */
    REPLAY,
    /** A sealed packet from an address that is not a peer in our config. */
    UNKNOWN_PEER,
    /** A HELLO from someone our config does not admit, or without a valid certificate of membership. */
    NOT_MEMBER,
    /** A sealed packet under an epoch we hold no key for (peer restarted, or its HELLO not yet here). */
    UNKNOWN_SESSION,
    /** A HELLO that is malformed, badly signed, for another network, too old, or replayed. */
    BAD_HELLO,
    /** Too short, unknown type, or not addressed to us. */
    MALFORMED,
    /** A frame for a MAC that is no peer of ours, or sent while we hold no config. */
    NO_ROUTE,
    /** The kernel refused to send a sealed frame: a full queue (ENOBUFS under a rate limit), no route to the peer. */
    SEND_FAILED,
    /** A frame whose Ethernet source is not the sending member's MAC. */
    SPOOFED_SOURCE,
    /** The kernel refused a frame we wrote to the TAP. */
    TAP_WRITE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
