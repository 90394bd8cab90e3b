package org.flatracoon.lab.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.topology.Topology;

/**
 * A lab whose nodes are up. Closing it undoes the faults still in force, then removes every
 * container and network it created.
 */
public interface RunningLab extends AutoCloseable {

    String name();

    /** Unique per start; every resource of this lab carries it as a label. */
    String runId();

    Topology topology();

    List<LabNode> nodes();

    /** @throws IllegalArgumentException naming the node when the lab has none of that name */
    LabNode node(String name);

    /** @throws IllegalArgumentException when no link joins the two nodes */
    LabLink link(String nodeA, String nodeB);

    /**
     * What of this lab is still on the machine: containers, networks, host interfaces. Empty once
     * {@link #close()} has removed everything, which is what callers check after closing.
     */
    List<String> leftovers();

    /**
     * Stops the lab's packet captures, if it was started with them, and returns their files (one
     * per link, named {@code <nodeA>-<ifA>--<nodeB>-<ifB>.pcap}), complete and readable; empty
     * when nothing was captured. Idempotent: later calls return the same files.
     */
    default List<Path> stopCaptures() {
        return List.of();
    }

    /**
     * Cuts {@code nodes} off from the rest of the lab.
     *
     * @throws IllegalArgumentException for an unknown node, an empty set or one holding every node
     */
    Partition partition(Set<String> nodes);

    /** Heals every partition of the lab, including ones another process made (e.g. `lab fault … partition`). */
    void healPartitions();

    /** Every fault applied to this lab so far, with offsets from lab-ready, and those still in force. */
    FaultJournal faults();

    /** Undoes the faults still in force, then removes everything the lab created; idempotent. */
    @Override
    void close();
}
