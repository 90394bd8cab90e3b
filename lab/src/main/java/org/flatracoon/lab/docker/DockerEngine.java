package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import org.flatracoon.lab.backend.LabException;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.EnvironmentAndSystemPropertyClientProviderStrategy;
import org.testcontainers.dockerclient.InvalidConfigurationException;
import org.testcontainers.dockerclient.UnixSocketClientProviderStrategy;

/**
 * The local Docker engine, found the way Testcontainers finds it (DOCKER_HOST, then the Unix
 * socket). We take only the client: Testcontainers' own start-up would run its reaper, whose
 * image cannot be pulled here; the lab labels and removes what it creates itself.
 */
public final class DockerEngine {

    private static DockerClient client;

    private DockerEngine() {
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            try {
                DockerClientProviderStrategy strategy = DockerClientProviderStrategy.getFirstValidStrategy(List.of(
                        new EnvironmentAndSystemPropertyClientProviderStrategy(), new UnixSocketClientProviderStrategy()));
                client = DockerClientProviderStrategy.getClientForConfig(strategy.getTransportConfig());
            } catch (IllegalStateException | InvalidConfigurationException e) {
                throw new LabException("no Docker engine answers; start one with `just docker`"
                        + " (installs docker.io when missing)", e);
            }
        }
        return client;
    }
}
