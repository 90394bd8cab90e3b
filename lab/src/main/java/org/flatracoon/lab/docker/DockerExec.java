package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;

/** Runs a command in a running container (docker exec) and collects its output and exit code. */
final class DockerExec {

    private final DockerClient docker;

    DockerExec(DockerClient docker) {
        this.docker = docker;
    }

    ExecResult run(String containerId, Duration timeout, String... command) {
        ExecCreateCmdResponse exec = docker.execCreateCmd(containerId)
                .withCmd(command)
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try (OutputCollector collector = new OutputCollector(stdout, stderr)) {
            docker.execStartCmd(exec.getId()).exec(collector);
            if (!collector.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return new ExecResult(-1, stdout.toString(StandardCharsets.UTF_8),
                        "command did not finish within " + timeout.toSeconds() + " s: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while running " + String.join(" ", command), e);
        } catch (java.io.IOException e) {
            throw new LabException("could not read the output of " + String.join(" ", command), e);
        }
        Long exitCode = docker.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        return new ExecResult(exitCode == null ? -1 : exitCode.intValue(),
                stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Splits Docker's multiplexed stream into stdout and stderr. */
    static final class OutputCollector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream stdout;
        private final ByteArrayOutputStream stderr;

        OutputCollector(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public void onNext(Frame frame) {
            switch (frame.getStreamType()) {
                case STDERR -> stderr.writeBytes(frame.getPayload());
                default -> stdout.writeBytes(frame.getPayload());
            }
        }
    }
}
