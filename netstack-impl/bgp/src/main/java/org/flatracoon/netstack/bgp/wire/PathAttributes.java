package org.flatracoon.netstack.bgp.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One set of path attributes, immutable and shared by every route that carries it (see
 * {@link AttributeInterner}). The next hop is part of the set: an UPDATE with IPv4 NLRI and IPv6 MP_REACH
 * yields two sets. Absent numeric attributes are -1; absent lists are empty arrays.
 */
public final class PathAttributes {
    public static final int ORIGIN_IGP = 0;
    public static final int ORIGIN_EGP = 1;
    public static final int ORIGIN_INCOMPLETE = 2;
    public static final int NO_EXPORT = 0xFFFFFF01;
    public static final int NO_ADVERTISE = 0xFFFFFF02;
    public static final int NO_EXPORT_SUBCONFED = 0xFFFFFF03;
    private static final int[] NONE = new int[0];
    private static final byte[] NO_BYTES = new byte[0];

    private final int origin;
    private final int[] asPath;
    private final byte[] nextHop;
    private final long med;
    private final long localPref;
    private final boolean atomicAggregate;
    private final long aggregatorAs;
    private final int aggregatorAddress;
    private final int[] communities;
    private final int[] largeCommunities;
    private final long originatorId;
    private final int[] clusterList;
    private final byte[] unknownTransitive;
    private final int hash;

    private PathAttributes(Builder b) {
        origin = b.origin;
        asPath = b.asPath;
        nextHop = b.nextHop;
        med = b.med;
        localPref = b.localPref;
        atomicAggregate = b.atomicAggregate;
        aggregatorAs = b.aggregatorAs;
        aggregatorAddress = b.aggregatorAddress;
        communities = b.communities;
        largeCommunities = b.largeCommunities;
        originatorId = b.originatorId;
        clusterList = b.clusterList;
        unknownTransitive = b.unknownTransitive;
        int h = origin;
        h = 31 * h + Arrays.hashCode(asPath);
        h = 31 * h + Arrays.hashCode(nextHop);
        h = 31 * h + Long.hashCode(med);
        h = 31 * h + Long.hashCode(localPref);
        h = 31 * h + (atomicAggregate ? 1 : 0);
        h = 31 * h + Long.hashCode(aggregatorAs) + aggregatorAddress;
        h = 31 * h + Arrays.hashCode(communities);
        h = 31 * h + Arrays.hashCode(largeCommunities);
        h = 31 * h + Long.hashCode(originatorId);
        h = 31 * h + Arrays.hashCode(clusterList);
        h = 31 * h + Arrays.hashCode(unknownTransitive);
        hash = h;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.origin = origin;
        b.asPath = asPath;
        b.nextHop = nextHop;
        b.med = med;
        b.localPref = localPref;
        b.atomicAggregate = atomicAggregate;
        b.aggregatorAs = aggregatorAs;
        b.aggregatorAddress = aggregatorAddress;
        b.communities = communities;
        b.largeCommunities = largeCommunities;
        b.originatorId = originatorId;
        b.clusterList = clusterList;
        b.unknownTransitive = unknownTransitive;
        return b;
    }

    public PathAttributes withNextHop(byte[] hop) {
        return toBuilder().nextHop(hop).build();
    }

    public int origin() {
        return origin;
    }

    public String originName() {
        return switch (origin) {
            case ORIGIN_IGP -> "igp";
            case ORIGIN_EGP -> "egp";
            default -> "incomplete";
        };
    }

    /** Segments, see {@link AsPath}. Do not modify. */
    public int[] asPath() {
        return asPath;
    }

    /** 4 bytes (IPv4), 16 (IPv6 global) or 32 (global + link-local); empty if none. Do not modify. */
    public byte[] nextHop() {
        return nextHop;
    }

    /** The global part of the next hop as text, or null. */
    public String nextHopText() {
        if (nextHop.length == 0) {
            return null;
        }
        return Prefixes.addressOf(nextHop.length == 32 ? Arrays.copyOf(nextHop, 16) : nextHop);
    }

    /** The link-local part of a 32-byte IPv6 next hop as text, or null. */
    public String linkLocalNextHopText() {
        return nextHop.length == 32 ? Prefixes.addressOf(Arrays.copyOfRange(nextHop, 16, 32)) : null;
    }

    public long med() {
        return med;
    }

    public long localPref() {
        return localPref;
    }

    public boolean atomicAggregate() {
        return atomicAggregate;
    }

    public long aggregatorAs() {
        return aggregatorAs;
    }

    public int aggregatorAddress() {
        return aggregatorAddress;
    }

    public int[] communities() {
        return communities;
    }

    /** Triples (global, local1, local2). */
    public int[] largeCommunities() {
        return largeCommunities;
    }

    public long originatorId() {
        return originatorId;
    }

    public int[] clusterList() {
        return clusterList;
    }

    /** Encoded unknown optional transitive attributes (flags with Partial set, type, length, value), in order. */
    public byte[] unknownTransitive() {
        return unknownTransitive;
    }

    public boolean hasCommunity(int community) {
        for (int c : communities) {
            if (c == community) {
                return true;
            }
        }
        return false;
    }

    public boolean hasLargeCommunity(int global, int local1, int local2) {
        for (int i = 0; i + 2 < largeCommunities.length; i += 3) {
            if (largeCommunities[i] == global && largeCommunities[i + 1] == local1 && largeCommunities[i + 2] == local2) {
                return true;
            }
        }
        return false;
    }

    public List<String> communityTexts() {
        List<String> out = new ArrayList<>(communities.length);
        for (int c : communities) {
            out.add(Communities.format(c));
        }
        return out;
    }

    public List<String> largeCommunityTexts() {
        List<String> out = new ArrayList<>(largeCommunities.length / 3);
        for (int i = 0; i + 2 < largeCommunities.length; i += 3) {
            out.add(Communities.formatLarge(largeCommunities[i], largeCommunities[i + 1], largeCommunities[i + 2]));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof PathAttributes p && p.hash == hash && p.origin == origin && p.med == med
                && p.localPref == localPref && p.atomicAggregate == atomicAggregate && p.aggregatorAs == aggregatorAs
                && p.aggregatorAddress == aggregatorAddress && p.originatorId == originatorId
                && Arrays.equals(p.asPath, asPath) && Arrays.equals(p.nextHop, nextHop)
                && Arrays.equals(p.communities, communities) && Arrays.equals(p.largeCommunities, largeCommunities)
                && Arrays.equals(p.clusterList, clusterList) && Arrays.equals(p.unknownTransitive, unknownTransitive);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{origin ").append(originName()).append(", as-path [")
                .append(AsPath.format(asPath)).append("]");
        if (nextHop.length > 0) {
            b.append(", next-hop ").append(nextHopText());
        }
        if (med >= 0) {
            b.append(", med ").append(med);
        }
        if (localPref >= 0) {
            b.append(", local-pref ").append(localPref);
        }
        if (communities.length > 0) {
            b.append(", communities ").append(communityTexts());
        }
        if (largeCommunities.length > 0) {
            b.append(", large-communities ").append(largeCommunityTexts());
        }
        return b.append('}').toString();
    }

    /** Mutable builder; the decoder reuses one per session. */
    public static final class Builder {
        private int origin = ORIGIN_INCOMPLETE;
        private int[] asPath = AsPath.EMPTY;
        private byte[] nextHop = NO_BYTES;
        private long med = -1;
        private long localPref = -1;
        private boolean atomicAggregate;
        private long aggregatorAs = -1;
        private int aggregatorAddress;
        private int[] communities = NONE;
        private int[] largeCommunities = NONE;
        private long originatorId = -1;
        private int[] clusterList = NONE;
        private byte[] unknownTransitive = NO_BYTES;

        public Builder reset() {
            origin = ORIGIN_INCOMPLETE;
            asPath = AsPath.EMPTY;
            nextHop = NO_BYTES;
            med = -1;
            localPref = -1;
            atomicAggregate = false;
            aggregatorAs = -1;
            aggregatorAddress = 0;
            communities = NONE;
            largeCommunities = NONE;
            originatorId = -1;
            clusterList = NONE;
            unknownTransitive = NO_BYTES;
            return this;
        }

        public Builder origin(int v) {
            origin = v;
            return this;
        }

        public Builder asPath(int[] v) {
            asPath = v;
            return this;
        }

        public Builder nextHop(byte[] v) {
            nextHop = v == null ? NO_BYTES : v;
            return this;
        }

        public Builder med(long v) {
            med = v;
            return this;
        }

        public Builder localPref(long v) {
            localPref = v;
            return this;
        }

        public Builder atomicAggregate(boolean v) {
            atomicAggregate = v;
            return this;
        }

        public Builder aggregator(long as, int address) {
            aggregatorAs = as;
            aggregatorAddress = address;
            return this;
        }

        public Builder communities(int[] v) {
            communities = v;
            return this;
        }

        public Builder largeCommunities(int[] v) {
            largeCommunities = v;
            return this;
        }

        public Builder originatorId(long v) {
            originatorId = v;
            return this;
        }

        public Builder clusterList(int[] v) {
            clusterList = v;
            return this;
        }

        public Builder unknownTransitive(byte[] v) {
            unknownTransitive = v;
            return this;
        }

        public int[] asPath() {
            return asPath;
        }

        public int[] communities() {
            return communities;
        }

        public int[] largeCommunities() {
            return largeCommunities;
        }

        public PathAttributes build() {
            return new PathAttributes(this);
        }
    }
}
