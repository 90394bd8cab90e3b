package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    /**
     * Runs a program of the lab's tool image in the container's network namespace (see
     * {@link org.flatracoon.lab.backend.LabNode#execInNetworkNamespace}); the helper carries the lab's labels.
     */
    public ExecResult execInNetworkNamespace(String containerId, List<String> command) {
        Map<String, String> labels = docker.inspectContainerCmd(containerId).exec().getConfig().getLabels();
        return new NetnsHelper(docker).run(containerId, labels, TIMEOUT, NetnsHelper.execScript(command));
    }
}
