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
    private final NodeBringUp bringUp;

    DockerNode(DockerClient docker, NodeSpec spec, String containerId, NodeBringUp bringUp) {
        this.docker = docker;
        this.spec = spec;
        this.containerId = containerId;
        this.bringUp = bringUp;
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
    public ExecResult execInNetworkNamespace(Duration timeout, String... command) {
        return bringUp.inNetworkNamespace(this, timeout, command);
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
    public void kill() {
        docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
        // Docker reports the kill before the container has fully stopped; wait for the stop itself.
        docker.waitContainerCmd(containerId).start().awaitStatusCode();
    }

    @Override
    public void start() {
        docker.startContainerCmd(containerId).exec();
        bringUp.configureNetwork(this);
        bringUp.awaitReady(this);
    }

    @Override
    public String toString() {
        return "node " + name();
    }
}
