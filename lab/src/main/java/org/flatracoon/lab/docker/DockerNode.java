package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.topology.NodeSpec;

/** A node realised as one container. */
final class DockerNode implements LabNode {

    private final DockerClient docker;
    private final NodeSpec spec;
    private final String containerId;

    DockerNode(DockerClient docker, NodeSpec spec, String containerId) {
        this.docker = docker;
        this.spec = spec;
        this.containerId = containerId;
    }

    String containerId() {
        return containerId;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public NodeSpec spec() {
        return spec;
    }

    @Override
    public ExecResult exec(Duration timeout, String... command) {
        return new DockerExec(docker).run(containerId, timeout, command);
    }

    @Override
    public String logs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DockerExec.OutputCollector collector = new DockerExec.OutputCollector(out, out)) {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).exec(collector).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while reading the logs of " + name(), e);
        } catch (java.io.IOException e) {
            throw new LabException("could not read the logs of " + name(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "node " + name();
    }
}
