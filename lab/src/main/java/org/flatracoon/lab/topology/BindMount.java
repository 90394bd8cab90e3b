package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.Objects;

/** A host file or folder mounted into a node; the host path is absolute and normalised. */
public record BindMount(Path hostPath, String containerPath, boolean readOnly) {

    public BindMount {
        Objects.requireNonNull(hostPath, "hostPath");
        Objects.requireNonNull(containerPath, "containerPath");
    }

    /** Docker's {@code host:container[:ro]} form. */
    @Override
    public String toString() {
        return hostPath + ":" + containerPath + (readOnly ? ":ro" : "");
    }
}
