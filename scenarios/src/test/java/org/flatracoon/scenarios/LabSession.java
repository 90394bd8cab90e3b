package org.flatracoon.scenarios;

import com.github.dockerjava.api.DockerClient;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.flatracoon.lab.docker.DockerEngine;
import org.flatracoon.lab.docker.DockerLabBackend;
import org.flatracoon.lab.docker.LabInventory;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import org.flatracoon.lab.topology.TopologyLoader;

/**
 * What the whole test run shares: the Docker engine, the backend and the topology loader. On
 * first use it sweeps what killed test runs left behind.
 */
final class LabSession {

    private static final LabSession INSTANCE = new LabSession();

    final DockerClient docker;
    final DockerLabBackend backend;
    final LabInventory inventory;
    private final TopologyLoader loader;

    private LabSession() {
        docker = DockerEngine.client();
        KindRegistry kinds = KindRegistry.standard();
        backend = new DockerLabBackend(docker, kinds);
        inventory = new LabInventory(docker);
        loader = new TopologyLoader(kinds);
        LabInventory.Removed swept = inventory.sweepAbandonedTestRuns();
        if (!swept.nothing()) {
            System.out.println("swept " + swept.containers() + " containers and " + swept.networks()
                    + " networks left by a killed test run");
        }
    }

    static LabSession get() {
        return INSTANCE;
    }

    /** A named lab is the topology file labs/NAME.clab.yml of the scenarios. */
    Topology topology(String labName) {
        URL resource = LabSession.class.getResource("/labs/" + labName + ".clab.yml");
        if (resource == null) {
            throw new IllegalArgumentException("no lab named " + labName + ": scenarios/src/test/resources/labs/"
                    + labName + ".clab.yml does not exist");
        }
        try {
            return loader.load(Path.of(resource.toURI()));
        } catch (TopologyException e) {
            throw new IllegalStateException("the topology of lab " + labName + " is invalid:\n" + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
