package org.flatracoon.netstack.bgp.rib;

import java.util.Arrays;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.PathAttributes;

/** The BGP decision process, RFC 4271 §9.1.2.2 with the RFC 4456 §9 tie-breaks. */
final class Decision {
    static final long DEFAULT_LOCAL_PREF = 100;

    private Decision() {
    }

    /** Whether path {@code a} from {@code pa} is better than {@code b} from {@code pb} (b may be null). */
    static boolean better(PathAttributes a, RibPeer pa, PathAttributes b, RibPeer pb) {
        if (b == null) {
            return true;
        }
        return compare(a, pa, b, pb) < 0;
    }

    /** Negative when {@code a} is preferred. */
    static int compare(PathAttributes a, RibPeer pa, PathAttributes b, RibPeer pb) {
        // our own networks first, as BIRD and FRR do
        if (pa.local != pb.local) {
            return pa.local ? -1 : 1;
        }
        int c = Long.compare(localPref(b), localPref(a));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(AsPath.length(a.asPath()), AsPath.length(b.asPath()));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.origin(), b.origin());
        if (c != 0) {
            return c;
        }
        if (neighbourAs(a, pa) == neighbourAs(b, pb)) {
            c = Long.compare(Math.max(a.med(), 0), Math.max(b.med(), 0));
            if (c != 0) {
                return c;
            }
        }
        if (pa.ebgp != pb.ebgp) {
            return pa.ebgp ? -1 : 1;
        }
        // (interior cost to the next hop: all equal here)
        c = Long.compare(routerId(a, pa), routerId(b, pb));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.clusterList().length, b.clusterList().length);
        if (c != 0) {
            return c;
        }
        return Arrays.compareUnsigned(pa.addressBytes, pb.addressBytes);
    }

    static long localPref(PathAttributes a) {
        return a.localPref() >= 0 ? a.localPref() : DEFAULT_LOCAL_PREF;
    }

    private static long neighbourAs(PathAttributes a, RibPeer p) {
        long first = AsPath.first(a.asPath());
        return first >= 0 ? first : p.ebgp ? p.remoteAs : 0;
    }

    private static long routerId(PathAttributes a, RibPeer p) {
        return a.originatorId() >= 0 ? a.originatorId() : p.routerId;
    }
}
