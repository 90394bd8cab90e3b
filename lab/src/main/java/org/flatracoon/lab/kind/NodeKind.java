package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * What a kind of node is: its default image, where its startup-config goes, how it is started and
 * how the lab knows it is ready. One small class per kind, in the manner of a Testcontainers module.
 */
public interface NodeKind {

    String name();

    Optional<String> defaultImage();

    /** Where the node's startup-config file is mounted; empty when the kind takes none. */
    Optional<String> startupConfigTarget();

    /** Where this node's startup-config goes, for kinds that take more than one sort of file. */
    default Optional<String> startupConfigTarget(NodeSpec node) {
        return startupConfigTarget();
    }

    /** The command the container runs; empty keeps the image's own. */
    List<String> command(NodeSpec node);

    ReadinessCheck readiness();

    /** Devices and sysctls the kind's container needs beyond every node's; none by default. */
    default ContainerNeeds containerNeeds() {
        return ContainerNeeds.NONE;
    }
}
