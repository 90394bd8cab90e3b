package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.HostConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

    static final String IMAGE = "flatracoon/host:" + LabVersion.imageTag();

    private static final int STOP_GRACE_SECONDS = 5;

    private final DockerClient docker;

    HelperContainer(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(HostConfig placement, Map<String, String> labLabels, String role, Duration timeout, String script) {
        String helperId = create(placement, labLabels, role, List.of("sh", "-c", script));
        try {
            docker.startContainerCmd(helperId).exec();
            Integer exitCode = docker.waitContainerCmd(helperId).start()
                    .awaitStatusCode(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ExecResult output = output(helperId, role);
            return new ExecResult(exitCode, output.stdout(), output.stderr());
        } finally {
            docker.removeContainerCmd(helperId).withForce(true).exec();
        }
    }

    /**
     * Starts a long-running helper (a packet capture) and returns its container id; it runs until
     * {@link #stop}, and as a labelled part of the lab it is removed with the lab in any case.
     */
    String start(HostConfig placement, Map<String, String> labLabels, String role, List<String> command) {
        String helperId = create(placement, labLabels, role, command);
        docker.startContainerCmd(helperId).exec();
        return helperId;
    }

    /** What a helper printed so far; exit code 0 while it runs. */
    ExecResult output(String helperId, String role) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (DockerExec.OutputCollector collector = new DockerExec.OutputCollector(stdout, stderr)) {
            docker.logContainerCmd(helperId).withStdOut(true).withStdErr(true).exec(collector).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while reading the output of the lab's " + role, e);
        } catch (IOException e) {
            throw new LabException("could not read the output of the lab's " + role, e);
        }
        return new ExecResult(0, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** SIGTERM (a capture then writes its last packets and closes its file), then removal. */
    void stop(String helperId) {
        try {
            docker.stopContainerCmd(helperId).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (NotFoundException | NotModifiedException alreadyStopped) {
            // it ended on its own (its node stopped): nothing to stop
        } finally {
            try {
                docker.removeContainerCmd(helperId).withForce(true).exec();
            } catch (NotFoundException alreadyGone) {
                // removed with its lab
            }
        }
    }

    private String create(HostConfig placement, Map<String, String> labLabels, String role, List<String> command) {
        return docker.createContainerCmd(IMAGE)
                .withCmd(command)
                .withLabels(Map.of(LabLabels.LAB, labLabels.get(LabLabels.LAB), LabLabels.RUN, labLabels.get(LabLabels.RUN),
                        LabLabels.OWNER, labLabels.get(LabLabels.OWNER), LabLabels.PID, labLabels.get(LabLabels.PID),
                        LabLabels.PID_NAMESPACE, labLabels.getOrDefault(LabLabels.PID_NAMESPACE, "unknown"), LabLabels.ROLE, role))
                .withHostConfig(placement)
                .exec()
                .getId();
    }
}
