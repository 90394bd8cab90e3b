package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;

/**
 * Runs a shell script in a short-lived container of the host image (ip, tc, nft, tcpdump), placed
 * where the caller's host config says — a node's network namespace, the machine's own — labelled
 * as part of the lab, and removed once it has finished.
 */
final class HelperContainer {

    static final String IMAGE = "flatracoon/host:" + LabVersion.get();

    private final DockerClient docker;

    HelperContainer(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(HostConfig placement, Map<String, String> labLabels, String role, Duration timeout, String script) {
        String helperId = docker.createContainerCmd(IMAGE)
                .withCmd("sh", "-c", script)
                .withLabels(Map.of(LabLabels.LAB, labLabels.get(LabLabels.LAB), LabLabels.RUN, labLabels.get(LabLabels.RUN),
                        LabLabels.OWNER, labLabels.get(LabLabels.OWNER), LabLabels.PID, labLabels.get(LabLabels.PID),
                        LabLabels.PID_NAMESPACE, labLabels.getOrDefault(LabLabels.PID_NAMESPACE, "unknown"), LabLabels.ROLE, role))
                .withHostConfig(placement)
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
            throw new LabException("interrupted while the lab's " + role + " ran", e);
        } catch (IOException e) {
            throw new LabException("could not read the output of the lab's " + role, e);
        } finally {
            docker.removeContainerCmd(helperId).withForce(true).exec();
        }
    }
}
