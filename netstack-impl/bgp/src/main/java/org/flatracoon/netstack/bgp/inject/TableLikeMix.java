package org.flatracoon.netstack.bgp.inject;

import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.PathAttributes;

/**
 * A workload that looks more like a real table than one shared attribute set: {@code sets} distinct attribute sets,
 * each carried by an equal run of consecutive prefixes. Set {@code g} has an AS path of 2 to 6 hops (the injector's
 * AS, transit ASes from a small private pool, and a distinct private 4-octet origin AS 4200000000 + g) and 0 to 3
 * communities, so the receiver has to keep {@code sets} different paths and community lists apart.
 */
final class TableLikeMix {
    private static final long ORIGIN_AS_BASE = 4_200_000_000L;
    private static final int TRANSIT_AS_BASE = 64_600;
    private static final int TRANSIT_ASES = 64;

    private final long localAs;
    private final byte[] nextHop;
    private final int count;
    private final int groups;
    private final int perGroup;

    TableLikeMix(long localAs, byte[] nextHop, int count, int sets) {
        this.localAs = localAs;
        this.nextHop = nextHop;
        this.count = count;
        this.perGroup = Math.max(1, (count + Math.max(1, sets) - 1) / Math.max(1, sets));
        this.groups = (count + perGroup - 1) / perGroup;
    }

    /** How many runs of prefixes (one attribute set each). */
    int groups() {
        return groups;
    }

    /** Index of the first prefix of run {@code g}. */
    int start(int g) {
        return g * perGroup;
    }

    /** How many prefixes run {@code g} has. */
    int size(int g) {
        return Math.min(perGroup, count - start(g));
    }

    /** The attribute set of run {@code g}; distinct for every g by its origin AS. */
    PathAttributes attributes(int g) {
        int mix = Integer.rotateLeft(g * 0x9E3779B9, 7);   // spread neighbouring runs over the variants
        int transits = Math.floorMod(mix, 5);
        long[] path = new long[transits + 2];
        path[0] = localAs;
        for (int i = 0; i < transits; i++) {
            path[i + 1] = TRANSIT_AS_BASE + Math.floorMod(mix >>> (3 + 6 * i), TRANSIT_ASES);
        }
        path[transits + 1] = ORIGIN_AS_BASE + g;
        int[] communities = new int[Math.floorMod(mix >>> 5, 4)];
        for (int i = 0; i < communities.length; i++) {
            communities[i] = (int) ((localAs & 0xFFFF) << 16) | (1000 * i + Math.floorMod(mix >>> (9 + 4 * i), 1000));
        }
        return PathAttributes.builder().origin(PathAttributes.ORIGIN_IGP).asPath(AsPath.sequence(path))
                .nextHop(nextHop).communities(communities).build();
    }
}
