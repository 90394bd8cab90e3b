package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.LabException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresDocker}: asked once per test run. */
public final class DockerAvailable implements ExecutionCondition {

    private static ConditionEvaluationResult verdict;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return verdict();
    }

    static synchronized ConditionEvaluationResult verdict() {
        if (verdict == null) {
            verdict = probe();
        }
        return verdict;
    }

    private static ConditionEvaluationResult probe() {
        DockerClient docker;
        try {
            docker = DockerEngine.client();
            docker.pingCmd().exec();
        } catch (LabException e) {
            return ConditionEvaluationResult.disabled("Docker-backed lab test skipped: " + e.getMessage());
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.disabled("Docker-backed lab test skipped: no Docker engine answers ("
                    + e.getMessage() + "); start one with `just docker`");
        }
        List<String> missing = new ArrayList<>();
        for (String image : List.of(TestLabs.HOST_IMAGE, TestLabs.NETSTACK_IMAGE)) {
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            }
        }
        if (!missing.isEmpty()) {
            return ConditionEvaluationResult.disabled("Docker-backed lab test skipped: image(s) " + String.join(", ", missing)
                    + " not built; build them with `just images`");
        }
        return ConditionEvaluationResult.enabled("a Docker engine answers and the lab images are built");
    }
}
