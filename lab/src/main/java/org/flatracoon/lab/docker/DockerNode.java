package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.topology.NodeSpec;

/** A node realised as one container. */
final class DockerNode implements LabNode {

    private static final int STOP_GRACE_SECONDS = 10;

    private final DockerClient docker;
    private final NodeSpec spec;
    private final String containerId;
    private final NodeBringUp bringUp;
    private final FaultJournal journal;
    private final EndpointFaults endpointFaults;

    DockerNode(DockerClient docker, NodeSpec spec, String containerId, NodeBringUp bringUp, FaultJournal journal,
            EndpointFaults endpointFaults) {
        this.docker = docker;
        this.spec = spec;
        this.containerId = containerId;
        this.bringUp = bringUp;
        this.journal = journal;
        this.endpointFaults = endpointFaults;
    }

    String containerId() {
        return containerId;
    }

    /** Running or paused: it has a network namespace a helper can join. */
    boolean running() {
        InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(containerId).exec().getState();
        return Boolean.TRUE.equals(state.getRunning());
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
    public String imageId() {
        return docker.inspectContainerCmd(containerId).exec().getImageId();
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
        journal.perform(FaultAction.NODE_KILL, List.of(name()), Map.of(), subject(), "killed (SIGKILL)", () -> {
            docker.killContainerCmd(containerId).withSignal("SIGKILL").exec();
            // Docker reports the kill before the container has fully stopped; wait for the stop itself.
            docker.waitContainerCmd(containerId).start().awaitStatusCode();
        });
        holdDown("killed");
    }

    @Override
    public void stop() {
        journal.perform(FaultAction.NODE_STOP, List.of(name()), Map.of("grace_s", String.valueOf(STOP_GRACE_SECONDS)),
                subject(), "stopped (SIGTERM, SIGKILL after " + STOP_GRACE_SECONDS + " s)",
                () -> docker.stopContainerCmd(containerId).withTimeout(STOP_GRACE_SECONDS).exec());
        holdDown("stopped");
    }

    @Override
    public void start() {
        journal.perform(FaultAction.NODE_START, List.of(name()), Map.of(), subject(), "started, ready again",
                this::startAndAwaitReady);
        journal.release(key("down")::equals);
    }

    @Override
    public void restart() {
        journal.perform(FaultAction.NODE_RESTART, List.of(name()), Map.of("grace_s", String.valueOf(STOP_GRACE_SECONDS)),
                subject(), "restarted, ready again", () -> {
                    docker.stopContainerCmd(containerId).withTimeout(STOP_GRACE_SECONDS).exec();
                    startAndAwaitReady();
                });
    }

    @Override
    public void pause() {
        journal.perform(FaultAction.NODE_PAUSE, List.of(name()), Map.of(), subject(), "paused (every process frozen)",
                () -> docker.pauseContainerCmd(containerId).exec());
        journal.hold(key("paused"), "node " + name() + " paused", this::unpause);
    }

    @Override
    public void unpause() {
        journal.perform(FaultAction.NODE_UNPAUSE, List.of(name()), Map.of(), subject(), "unpaused",
                () -> docker.unpauseContainerCmd(containerId).exec());
        journal.release(key("paused")::equals);
    }

    private void startAndAwaitReady() {
        docker.startContainerCmd(containerId).exec();
        bringUp.configureNetwork(this);
        endpointFaults.reapply(this); // a new namespace: the faults of its links go back in
        bringUp.awaitReady(this);
    }

    private void holdDown(String how) {
        journal.holdUntilRemoval(key("down"), "node " + name() + " " + how, this::start);
    }

    private String key(String state) {
        return "node " + name() + " " + state;
    }

    private String subject() {
        return "node " + name();
    }

    @Override
    public String toString() {
        return "node " + name();
    }
}
