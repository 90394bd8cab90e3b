package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;

/**
 * Runs a shell script inside a node's network namespace from a helper container, so any node
 * image can be wired and disturbed without changing it.
 */
final class NetnsHelper {

    static final String IMAGE = HelperContainer.IMAGE;

    private final HelperContainer helper;

    NetnsHelper(DockerClient docker) {
        this.helper = new HelperContainer(docker);
    }

    /** A shell line that runs the program with its arguments exactly as given (each single-quoted). */
    static String execScript(java.util.List<String> command) {
        StringBuilder script = new StringBuilder("exec");
        command.forEach(word -> script.append(" '").append(word.replace("'", "'\\''")).append('\''));
        return script.toString();
    }

    ExecResult run(String containerId, Map<String, String> labels, Duration timeout, String script) {
        HostConfig inTheNodesNamespace = HostConfig.newHostConfig()
                .withNetworkMode("container:" + containerId)
                .withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW);
        return helper.run(inTheNodesNamespace, labels, "netns-helper", timeout, script);
    }
}
