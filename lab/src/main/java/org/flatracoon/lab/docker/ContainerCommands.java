package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;

/** Runs commands in a lab's containers found by id, for `lab exec` on a lab another process started. */
public final class ContainerCommands {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final DockerClient docker;

    public ContainerCommands(DockerClient docker) {
        this.docker = docker;
    }

    public ExecResult exec(String containerId, List<String> command) {
        return new DockerExec(docker).run(containerId, TIMEOUT, command.toArray(String[]::new));
    }
}
