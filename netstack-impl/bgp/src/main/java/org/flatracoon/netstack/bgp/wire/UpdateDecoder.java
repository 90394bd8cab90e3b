package org.flatracoon.netstack.bgp.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;

/**
 * Decodes UPDATE bodies (RFC 4271 §4.3, RFC 4760, RFC 6793) and classifies every error as RFC 7606 says:
 * session reset, treat-as-withdraw, or attribute-discard. One decoder per session; it reuses its
 * {@link UpdateMessage} and allocates nothing per prefix.
 */
public final class UpdateDecoder {
    public static final int ORIGIN = 1;
    public static final int AS_PATH = 2;
    public static final int NEXT_HOP = 3;
    public static final int MED = 4;
    public static final int LOCAL_PREF = 5;
    public static final int ATOMIC_AGGREGATE = 6;
    public static final int AGGREGATOR = 7;
    public static final int COMMUNITIES = 8;
    public static final int ORIGINATOR_ID = 9;
    public static final int CLUSTER_LIST = 10;
    public static final int MP_REACH = 14;
    public static final int MP_UNREACH = 15;
    public static final int AS4_PATH = 17;
    public static final int AS4_AGGREGATOR = 18;
    public static final int LARGE_COMMUNITY = 32;

    static final int OPTIONAL = 0x80;
    static final int TRANSITIVE = 0x40;
    static final int PARTIAL = 0x20;
    static final int EXTENDED = 0x10;

    /** What the decoder must know about the session. */
    public record Context(boolean fourOctetAs, boolean ebgp, long peerAs, Set<Family> families) {
    }

    private final AttributeInterner interner;
    private final UpdateMessage message = new UpdateMessage();
    private final PathAttributes.Builder attrs = PathAttributes.builder();
    private final long[] seen = new long[4];
    private final ByteArrayOutputStream unknown = new ByteArrayOutputStream();
    private Context context;
    private byte[] nextHop4;
    private byte[] mpNextHop6;
    private byte[] mpNextHop4;
    private int[] as4Path;

    public UpdateDecoder(AttributeInterner interner) {
        this.interner = interner;
    }

    /** Decodes the body of an UPDATE (the bytes after the 19-byte header). The result is valid until the next call. */
    public UpdateMessage decode(ByteBuffer body, Context ctx) {
        context = ctx;
        message.clear();
        attrs.reset();
        Arrays.fill(seen, 0);
        unknown.reset();
        nextHop4 = null;
        mpNextHop6 = null;
        mpNextHop4 = null;
        as4Path = null;
        ByteBuffer b = body.slice();
        int total = b.remaining();
        if (total < 4) {
            return fail(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST),
                    "UPDATE body of " + total + " bytes"));
        }
        int withdrawnLength = b.getShort() & 0xFFFF;
        if (withdrawnLength + 4 > total) {
            return fail(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST),
                    "withdrawn routes length " + withdrawnLength + " overruns the message"));
        }
        String bad = prefixes(b.slice(2, withdrawnLength), Family.IPV4, message.withdrawn(Family.IPV4));
        if (bad != null) {
            return fail(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST),
                    "withdrawn routes: " + bad));
        }
        int attrStart = 2 + withdrawnLength + 2;
        int attrLength = b.getShort(2 + withdrawnLength) & 0xFFFF;
        if (attrStart + attrLength > total) {
            return fail(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST),
                    "total path attribute length " + attrLength + " overruns the message"));
        }
        bad = prefixes(b.slice(attrStart + attrLength, total - attrStart - attrLength), Family.IPV4,
                message.announced(Family.IPV4));
        if (bad != null) {
            return fail(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.INVALID_NETWORK_FIELD),
                    "NLRI: " + bad));
        }
        attributes(b.slice(attrStart, attrLength));
        if (message.error != null && message.error.resetsSession()) {
            return message;
        }
        boolean reach4 = !message.announced(Family.IPV4).isEmpty();
        boolean reach6 = !message.announced(Family.IPV6).isEmpty();
        if (message.error == null && (reach4 || reach6)) {
            if (!seen(ORIGIN)) {
                error(UpdateError.withdraw(Notification.MISSING_WELL_KNOWN, "missing ORIGIN"));
            } else if (!seen(AS_PATH)) {
                error(UpdateError.withdraw(Notification.MISSING_WELL_KNOWN, "missing AS_PATH"));
            } else if (reach4 && mpNextHop4 == null && nextHop4 == null) {
                error(UpdateError.withdraw(Notification.MISSING_WELL_KNOWN, "missing NEXT_HOP"));
            }
        }
        if (message.error != null) {
            message.treatAsWithdraw();
            return message;
        }
        if (as4Path != null) {
            if (context.fourOctetAs()) {
                message.discarded.add("AS4_PATH from a four-octet speaker (RFC 6793 §4.1)");
            } else {
                attrs.asPath(AsPath.merge(attrs.asPath(), as4Path));
            }
        }
        if (unknown.size() > 0) {
            attrs.unknownTransitive(unknown.toByteArray());
        }
        if (reach4) {
            message.attributes4 = interner.intern(attrs.nextHop(mpNextHop4 != null ? mpNextHop4 : nextHop4).build());
        }
        if (reach6) {
            message.attributes6 = interner.intern(attrs.nextHop(mpNextHop6).build());
        }
        if (total == 4) {
            message.endOfRib = Family.IPV4;
        }
        return message;
    }

    private UpdateMessage fail(UpdateError error) {
        message.error = error;
        return message;
    }

    /** Keeps the most severe error: a session reset wins over treat-as-withdraw; the first of each kind is kept. */
    private void error(UpdateError error) {
        if (message.error == null || (error.resetsSession() && !message.error.resetsSession())) {
            message.error = error;
        }
    }

    private boolean seen(int type) {
        return (seen[type >>> 6] & (1L << type)) != 0;
    }

    private void attributes(ByteBuffer b) {
        boolean anyMp = false;
        while (b.hasRemaining()) {
            if (b.remaining() < 3) {
                overrun(anyMp, "an attribute header is cut short");
                return;
            }
            int flags = b.get() & 0xFF;
            int type = b.get() & 0xFF;
            boolean extended = (flags & EXTENDED) != 0;
            if (extended && b.remaining() < 2) {
                overrun(anyMp, "an attribute header is cut short");
                return;
            }
            int length = extended ? b.getShort() & 0xFFFF : b.get() & 0xFF;
            if (length > b.remaining()) {
                overrun(anyMp, "attribute " + type + " of length " + length + " overruns the attributes");
                return;
            }
            ByteBuffer value = b.slice(b.position(), length);
            b.position(b.position() + length);
            if (seen(type)) {
                if (type == MP_REACH || type == MP_UNREACH) {
                    error(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST),
                            "attribute " + type + " appears twice"));
                } else {
                    message.discarded.add("duplicate attribute " + type + " (the first one is used)");
                }
                continue;
            }
            seen[type >>> 6] |= 1L << type;
            anyMp |= type == MP_REACH || type == MP_UNREACH;
            attribute(flags, type, value);
            if (message.error != null && message.error.resetsSession()) {
                return;
            }
        }
    }

    /**
     * RFC 7606 §4: when attribute boundaries are lost, treat-as-withdraw if every NLRI can still be found, which is
     * not the case once MP_REACH/MP_UNREACH may be hidden in the unreadable part.
     */
    private void overrun(boolean mpSeen, String reason) {
        if (mpSeen || !message.announced(Family.IPV4).isEmpty() || !message.withdrawn(Family.IPV4).isEmpty()) {
            error(UpdateError.withdraw(Notification.MALFORMED_ATTRIBUTE_LIST, reason));
        } else {
            error(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.MALFORMED_ATTRIBUTE_LIST), reason));
        }
    }

    private void attribute(int flags, int type, ByteBuffer v) {
        int len = v.remaining();
        switch (type) {
            case ORIGIN -> {
                if (!wellKnown(flags) || len != 1) {
                    malformed(type, flags, len, Notification.ATTRIBUTE_LENGTH_ERROR);
                } else if ((v.get(0) & 0xFF) > 2) {
                    error(UpdateError.withdraw(Notification.INVALID_ORIGIN, "ORIGIN " + (v.get(0) & 0xFF)));
                } else {
                    attrs.origin(v.get(0));
                }
            }
            case AS_PATH -> {
                int[] path = wellKnown(flags) ? asPath(v, context.fourOctetAs() ? 4 : 2) : null;
                if (path == null) {
                    error(UpdateError.withdraw(Notification.MALFORMED_AS_PATH, "malformed AS_PATH"));
                } else if (context.ebgp() && AsPath.first(path) != context.peerAs()) {
                    error(UpdateError.withdraw(Notification.MALFORMED_AS_PATH, "AS_PATH does not start with the peer's AS "
                            + context.peerAs() + ": [" + AsPath.format(path) + "]"));
                } else {
                    attrs.asPath(path);
                }
            }
            case NEXT_HOP -> {
                if (!wellKnown(flags) || len != 4) {
                    malformed(type, flags, len, Notification.ATTRIBUTE_LENGTH_ERROR);
                    return;
                }
                byte[] hop = new byte[4];
                v.get(0, hop);
                int first = hop[0] & 0xFF;
                if (first == 0 || first == 127 || first >= 224) {
                    error(UpdateError.withdraw(Notification.INVALID_NEXT_HOP, "NEXT_HOP " + Prefixes.addressOf(hop)));
                } else {
                    nextHop4 = hop;
                }
            }
            case MED -> {
                if (!optional(flags, false) || len != 4) {
                    malformed(type, flags, len, Notification.ATTRIBUTE_LENGTH_ERROR);
                } else {
                    attrs.med(v.getInt(0) & 0xFFFF_FFFFL);
                }
            }
            case LOCAL_PREF -> {
                if (context.ebgp()) {
                    message.discarded.add("LOCAL_PREF from an eBGP peer (RFC 7606 §7.5)");
                } else if (!wellKnown(flags) || len != 4) {
                    malformed(type, flags, len, Notification.ATTRIBUTE_LENGTH_ERROR);
                } else {
                    attrs.localPref(v.getInt(0) & 0xFFFF_FFFFL);
                }
            }
            case ATOMIC_AGGREGATE -> {
                if (!wellKnown(flags) || len != 0) {
                    message.discarded.add("ATOMIC_AGGREGATE of length " + len + " (RFC 7606 §7.6)");
                } else {
                    attrs.atomicAggregate(true);
                }
            }
            case AGGREGATOR -> {
                int expected = context.fourOctetAs() ? 8 : 6;
                if (!optional(flags, true) || len != expected) {
                    message.discarded.add("AGGREGATOR of length " + len + " (RFC 7606 §7.7)");
                } else if (expected == 8) {
                    attrs.aggregator(v.getInt(0) & 0xFFFF_FFFFL, v.getInt(4));
                } else {
                    attrs.aggregator(v.getShort(0) & 0xFFFF, v.getInt(2));
                }
            }
            case COMMUNITIES -> {
                if (!optional(flags, true) || len % 4 != 0 || len == 0) {
                    malformed(type, flags, len, Notification.OPTIONAL_ATTRIBUTE_ERROR);
                } else {
                    int[] c = new int[len / 4];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = v.getInt(4 * i);
                    }
                    attrs.communities(c);
                }
            }
            case ORIGINATOR_ID -> {
                if (context.ebgp()) {
                    message.discarded.add("ORIGINATOR_ID from an eBGP peer (RFC 7606 §7.9)");
                } else if (!optional(flags, false) || len != 4) {
                    malformed(type, flags, len, Notification.OPTIONAL_ATTRIBUTE_ERROR);
                } else {
                    attrs.originatorId(v.getInt(0) & 0xFFFF_FFFFL);
                }
            }
            case CLUSTER_LIST -> {
                if (context.ebgp()) {
                    message.discarded.add("CLUSTER_LIST from an eBGP peer (RFC 7606 §7.10)");
                } else if (!optional(flags, false) || len % 4 != 0 || len == 0) {
                    malformed(type, flags, len, Notification.OPTIONAL_ATTRIBUTE_ERROR);
                } else {
                    int[] c = new int[len / 4];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = v.getInt(4 * i);
                    }
                    attrs.clusterList(c);
                }
            }
            case MP_REACH -> mpReach(flags, v);
            case MP_UNREACH -> mpUnreach(flags, v);
            case AS4_PATH -> {
                int[] path = optional(flags, true) ? asPath(v, 4) : null;
                if (path == null) {
                    message.discarded.add("malformed AS4_PATH (RFC 6793 §6)");
                } else {
                    as4Path = path;
                }
            }
            case AS4_AGGREGATOR -> {
                if (!optional(flags, true) || len != 8) {
                    message.discarded.add("AS4_AGGREGATOR of length " + len + " (RFC 7606 §7.7)");
                } else if (!context.fourOctetAs()) {
                    attrs.aggregator(v.getInt(0) & 0xFFFF_FFFFL, v.getInt(4));
                }
            }
            case LARGE_COMMUNITY -> {
                if (!optional(flags, true) || len % 12 != 0 || len == 0) {
                    malformed(type, flags, len, Notification.OPTIONAL_ATTRIBUTE_ERROR);
                } else {
                    int[] c = new int[len / 4];
                    for (int i = 0; i < c.length; i++) {
                        c[i] = v.getInt(4 * i);
                    }
                    attrs.largeCommunities(c);
                }
            }
            default -> unknownAttribute(flags, type, v);
        }
    }

    private void unknownAttribute(int flags, int type, ByteBuffer v) {
        if ((flags & OPTIONAL) == 0) {
            byte[] raw = new byte[v.remaining()];
            v.get(0, raw);
            error(UpdateError.reset(Notification.of(Notification.UPDATE_ERROR, Notification.UNRECOGNIZED_WELL_KNOWN,
                    attributeBytes(flags, type, raw)), "unrecognized well-known attribute " + type));
            return;
        }
        if ((flags & TRANSITIVE) == 0) {
            message.discarded.add("unknown optional non-transitive attribute " + type + " (ignored)");
            return;
        }
        byte[] raw = new byte[v.remaining()];
        v.get(0, raw);
        unknown.writeBytes(attributeBytes(flags | PARTIAL, type, raw));
    }

    static byte[] attributeBytes(int flags, int type, byte[] value) {
        boolean extended = value.length > 255 || (flags & EXTENDED) != 0;
        ByteBuffer b = ByteBuffer.allocate(value.length + (extended ? 4 : 3));
        b.put((byte) (extended ? flags | EXTENDED : flags & ~EXTENDED)).put((byte) type);
        if (extended) {
            b.putShort((short) value.length);
        } else {
            b.put((byte) value.length);
        }
        return b.put(value).array();
    }

    private static boolean wellKnown(int flags) {
        return (flags & (OPTIONAL | TRANSITIVE)) == TRANSITIVE;
    }

    private static boolean optional(int flags, boolean transitive) {
        return (flags & (OPTIONAL | TRANSITIVE)) == (OPTIONAL | (transitive ? TRANSITIVE : 0));
    }

    /** RFC 7606: attributes whose errors withdraw the routes rather than reset the session. */
    private void malformed(int type, int flags, int length, int subcode) {
        boolean flagsWrong = switch (type) {
            case ORIGIN, NEXT_HOP, LOCAL_PREF -> !wellKnown(flags);
            case MED, ORIGINATOR_ID, CLUSTER_LIST -> !optional(flags, false);
            default -> !optional(flags, true);
        };
        error(UpdateError.withdraw(flagsWrong ? Notification.ATTRIBUTE_FLAGS_ERROR : subcode,
                "attribute " + type + (flagsWrong ? " with flags 0x" + Integer.toHexString(flags) : " of length " + length)));
    }

    /** Segments of 2- or 4-octet ASNs; null if malformed (RFC 7606 §7.2: bad type, zero count, overrun, underrun). */
    private static int[] asPath(ByteBuffer v, int asSize) {
        int[] out = new int[v.remaining()];
        int o = 0;
        int p = 0;
        int len = v.remaining();
        while (p < len) {
            if (len - p < 2) {
                return null;
            }
            int type = v.get(p) & 0xFF;
            int count = v.get(p + 1) & 0xFF;
            if (type < AsPath.AS_SET || type > AsPath.AS_CONFED_SET || count == 0 || p + 2 + count * asSize > len) {
                return null;
            }
            out[o++] = type;
            out[o++] = count;
            for (int i = 0; i < count; i++) {
                int at = p + 2 + i * asSize;
                out[o++] = asSize == 4 ? v.getInt(at) : v.getShort(at) & 0xFFFF;
            }
            p += 2 + count * asSize;
        }
        return o == 0 ? AsPath.EMPTY : Arrays.copyOf(out, o);
    }

    private void mpReach(int flags, ByteBuffer v) {
        Notification notification = Notification.of(Notification.UPDATE_ERROR, Notification.OPTIONAL_ATTRIBUTE_ERROR);
        if (!optional(flags, false) || v.remaining() < 5) {
            error(UpdateError.reset(notification, "malformed MP_REACH_NLRI"));
            return;
        }
        int afi = v.getShort(0) & 0xFFFF;
        int safi = v.get(2) & 0xFF;
        int hopLength = v.get(3) & 0xFF;
        if (5 + hopLength > v.remaining()) {
            error(UpdateError.reset(notification, "MP_REACH_NLRI next hop overruns the attribute"));
            return;
        }
        Family family = Family.of(afi, safi).orElse(null);
        if (family == null || !context.families().contains(family)) {
            message.discarded.add("MP_REACH_NLRI for AFI " + afi + " SAFI " + safi + " (not negotiated, ignored)");
            return;
        }
        boolean hopOk = family == Family.IPV4 ? hopLength == 4 : hopLength == 16 || hopLength == 32;
        if (!hopOk) {
            error(UpdateError.reset(notification, "MP_REACH_NLRI next hop of " + hopLength + " bytes for " + family.label()));
            return;
        }
        byte[] hop = new byte[hopLength];
        v.get(4, hop);
        String bad = prefixes(v.slice(5 + hopLength, v.remaining() - 5 - hopLength), family, message.announced(family));
        if (bad != null) {
            error(UpdateError.reset(notification, "MP_REACH_NLRI: " + bad));
            return;
        }
        if (family == Family.IPV4) {
            mpNextHop4 = hop;
        } else {
            mpNextHop6 = hop;
        }
    }

    private void mpUnreach(int flags, ByteBuffer v) {
        Notification notification = Notification.of(Notification.UPDATE_ERROR, Notification.OPTIONAL_ATTRIBUTE_ERROR);
        if (!optional(flags, false) || v.remaining() < 3) {
            error(UpdateError.reset(notification, "malformed MP_UNREACH_NLRI"));
            return;
        }
        int afi = v.getShort(0) & 0xFFFF;
        int safi = v.get(2) & 0xFF;
        Family family = Family.of(afi, safi).orElse(null);
        if (family == null || !context.families().contains(family)) {
            message.discarded.add("MP_UNREACH_NLRI for AFI " + afi + " SAFI " + safi + " (not negotiated, ignored)");
            return;
        }
        if (v.remaining() == 3) {
            message.endOfRib = family;
            return;
        }
        String bad = prefixes(v.slice(3, v.remaining() - 3), family, message.withdrawn(family));
        if (bad != null) {
            error(UpdateError.reset(notification, "MP_UNREACH_NLRI: " + bad));
        }
    }

    /** Reads length-prefixed prefixes into {@code out}; returns what is wrong, or null. Host bits are cleared. */
    private static String prefixes(ByteBuffer b, Family family, PrefixBuffer out) {
        int p = 0;
        int len = b.remaining();
        int max = family.maxLength();
        while (p < len) {
            int bits = b.get(p) & 0xFF;
            if (bits > max) {
                return "prefix length " + bits + " for " + family.label();
            }
            int bytes = (bits + 7) >>> 3;
            if (p + 1 + bytes > len) {
                return "prefix of length " + bits + " overruns the field";
            }
            long hi = 0;
            long lo = 0;
            if (family == Family.IPV4) {
                for (int i = 0; i < 4; i++) {
                    hi = (hi << 8) | (i < bytes ? b.get(p + 1 + i) & 0xFF : 0);
                }
            } else {
                for (int i = 0; i < 8; i++) {
                    hi = (hi << 8) | (i < bytes ? b.get(p + 1 + i) & 0xFF : 0);
                }
                for (int i = 8; i < 16; i++) {
                    lo = (lo << 8) | (i < bytes ? b.get(p + 1 + i) & 0xFF : 0);
                }
            }
            out.add(Prefixes.maskHi(family, hi, bits), Prefixes.maskLo(family, lo, bits), bits);
            p += 1 + bytes;
        }
        return null;
    }
}
