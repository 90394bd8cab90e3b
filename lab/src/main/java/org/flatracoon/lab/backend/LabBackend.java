package org.flatracoon.lab.backend;

import org.flatracoon.lab.topology.Topology;

/** The port every lab runs through: turns a resolved topology into a running lab. */
public interface LabBackend {

    /**
     * Brings every node and link of the topology up and returns once each node is ready.
     * On failure nothing of the lab is left behind.
     */
    default RunningLab start(Topology topology, LabOwner owner) throws LabException {
        return start(topology, owner, StartOptions.DEFAULTS);
    }

    /** As {@link #start(Topology, LabOwner)}, with packet captures or other options. */
    RunningLab start(Topology topology, LabOwner owner, StartOptions options) throws LabException;
}
