package org.flatracoon.lab.backend;

import java.util.List;
import java.util.Set;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * A set of nodes cut off from the rest of the lab: every link between the set and the rest
 * silently drops all traffic (interfaces stay up), links inside either side are untouched.
 */
public interface Partition {

    /** The nodes on the cut-off side. */
    Set<String> nodes();

    /** The links that were cut. */
    List<LinkSpec> cutLinks();

    /** Lets traffic cross the cut links again; idempotent. */
    void heal();
}
