package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import org.flatracoon.lab.backend.LabException;
import org.testcontainers.DockerClientFactory;

/** The local Docker engine, reached through Testcontainers' client configuration. */
public final class DockerEngine {

    private DockerEngine() {
    }

    public static DockerClient client() {
        DockerClientFactory factory = DockerClientFactory.instance();
        if (!factory.isDockerAvailable()) {
            throw new LabException("no Docker engine answers; start one with `just docker` (installs docker.io when missing)");
        }
        return factory.client();
    }
}
