package org.flatracoon.lab.backend;

import org.flatracoon.lab.topology.LinkSpec;

/** One point-to-point link of a running lab. */
public interface LabLink {

    LinkSpec spec();

    /** Carrier loss on both ends: both interfaces go down. */
    void down();

    /** Both interfaces come back up. */
    void up();
}
