package org.flatracoon.netstack.bgp.rib;

import java.util.List;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;

/** A prefix and its candidate paths, best first, for the status API. */
public record RouteView(Family family, String prefix, long hi, long lo, int length, List<Path> paths) {
    /** One candidate: where it came from, its attributes (after import policy), whether it is the best. */
    public record Path(String from, PathAttributes attributes, boolean best) {
    }
}
