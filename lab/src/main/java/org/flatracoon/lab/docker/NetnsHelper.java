package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;

/**
 * Runs a shell script inside a node's network namespace from a short-lived helper container
 * (the host image, which has ip, tc, nft and tcpdump), so any node image can be wired and
 * disturbed without changing it.
 */
final class NetnsHelper {

    static final String IMAGE = "flatracoon/host:" + LabVersion.get();

    private final DockerClient docker;

    NetnsHelper(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(String containerId, Map<String, String> labels, Duration timeout, String script) {
        String helperId = docker.createContainerCmd(IMAGE)
                .withCmd("sh", "-c", script)
                .withLabels(Map.of(LabLabels.LAB, labels.get(LabLabels.LAB), LabLabels.RUN, labels.get(LabLabels.RUN),
                        LabLabels.OWNER, labels.get(LabLabels.OWNER), LabLabels.PID, labels.get(LabLabels.PID),
                        LabLabels.ROLE, "netns-helper"))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("container:" + containerId)
                        .withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(helperId).exec();
            Integer exitCode = docker.waitContainerCmd(helperId).start()
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            try (DockerExec.OutputCollector collector = new DockerExec.OutputCollector(stdout, stderr)) {
                docker.logContainerCmd(helperId).withStdOut(true).withStdErr(true).exec(collector).awaitCompletion();
            }
            return new ExecResult(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while changing the network of a node", e);
        } catch (java.io.IOException e) {
            throw new LabException("could not read the network helper's output", e);
        } finally {
            docker.removeContainerCmd(helperId).withForce(true).exec();
        }
    }
}
