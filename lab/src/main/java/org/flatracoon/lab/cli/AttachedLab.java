package org.flatracoon.lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.docker.DockerEngine;
import org.flatracoon.lab.docker.DockerLabBackend;
import org.flatracoon.lab.docker.LabInventory;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.topology.TopologyException;

/** A lab another process brought up, found by its labels and the topology file it was started from. */
final class AttachedLab {

    private AttachedLab() {
    }

    static RunningLab attach(String labName) throws TopologyException {
        var docker = DockerEngine.client();
        LabInventory.LabSummary summary = new LabInventory(docker).labs().stream()
                .filter(lab -> lab.name().equals(labName))
                .findFirst()
                .orElseThrow(() -> new LabException("no lab named " + labName + " is running (see `lab ps`)"));
        Path file = Path.of(summary.topologyFile());
        if (summary.topologyFile().isEmpty() || !Files.isRegularFile(file)) {
            throw new LabException("lab " + labName + " was started from " + summary.topologyFile()
                    + ", which is no longer there; its links cannot be found without it");
        }
        return new DockerLabBackend(docker, KindRegistry.standard()).attach(LabCommand.load(file));
    }
}
