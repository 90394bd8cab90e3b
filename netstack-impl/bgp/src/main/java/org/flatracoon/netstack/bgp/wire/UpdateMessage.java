package org.flatracoon.netstack.bgp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded UPDATE, reused by its session's decoder for the next message: withdrawn and announced prefixes per
 * family, the attribute set of each family's announcements, and what went wrong. After a treat-as-withdraw error
 * the announced prefixes have already been moved to the withdrawn ones.
 */
public final class UpdateMessage {
    private final PrefixBuffer withdrawn4 = new PrefixBuffer(Family.IPV4);
    private final PrefixBuffer withdrawn6 = new PrefixBuffer(Family.IPV6);
    private final PrefixBuffer announced4 = new PrefixBuffer(Family.IPV4);
    private final PrefixBuffer announced6 = new PrefixBuffer(Family.IPV6);
    PathAttributes attributes4;
    PathAttributes attributes6;
    UpdateError error;
    Family endOfRib;
    final List<String> discarded = new ArrayList<>();

    void clear() {
        withdrawn4.clear();
        withdrawn6.clear();
        announced4.clear();
        announced6.clear();
        attributes4 = null;
        attributes6 = null;
        error = null;
        endOfRib = null;
        discarded.clear();
    }

    public PrefixBuffer withdrawn(Family family) {
        return family == Family.IPV4 ? withdrawn4 : withdrawn6;
    }

    public PrefixBuffer announced(Family family) {
        return family == Family.IPV4 ? announced4 : announced6;
    }

    /** The attributes of this family's announced prefixes (null when none are announced). */
    public PathAttributes attributes(Family family) {
        return family == Family.IPV4 ? attributes4 : attributes6;
    }

    /** Null when the UPDATE was fine (possibly with discarded attributes). */
    public UpdateError error() {
        return error;
    }

    /** The family whose End-of-RIB marker this is (RFC 4724), or null. */
    public Family endOfRib() {
        return endOfRib;
    }

    /** Attributes that were dropped (RFC 7606 attribute-discard), with why. */
    public List<String> discarded() {
        return discarded;
    }

    void treatAsWithdraw() {
        moveAll(announced4, withdrawn4);
        moveAll(announced6, withdrawn6);
        attributes4 = null;
        attributes6 = null;
    }

    private static void moveAll(PrefixBuffer from, PrefixBuffer to) {
        for (int i = 0; i < from.size(); i++) {
            to.add(from.hi(i), from.lo(i), from.length(i));
        }
        from.clear();
    }
}
