package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.kind.NodeKind;
import org.flatracoon.lab.kind.ReadinessCheck.Readiness;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/**
 * What turns a started container into a lab node, at lab start and again whenever the node is
 * started after a stop or kill (Docker then re-creates its interfaces under names of its own):
 * interfaces named and addressed as written, the resolver, and the wait until it is ready.
 */
final class NodeBringUp {

    private final DockerClient docker;
    private final KindRegistry kinds;
    private final NetnsHelper netns;
    private final List<LinkNetwork> networks;
    private final Map<String, String> labels;
    private final Optional<LinkCaptures> captures;

    NodeBringUp(DockerClient docker, KindRegistry kinds, NetnsHelper netns, List<LinkNetwork> networks,
            Map<String, String> labels, Optional<LinkCaptures> captures) {
        this.docker = docker;
        this.kinds = kinds;
        this.netns = netns;
        this.networks = networks;
        this.labels = labels;
        this.captures = captures;
    }

    /** After the container (re)started: interfaces and resolver, as the topology says; captures follow. */
    void configureNetwork(DockerNode node) {
        wireInterfaces(node);
        captures.ifPresent(capture -> capture.follow(node, networksOf(node.spec())));
        configureResolver(node);
        signalNetworkReady(node);
    }

    /** The node's own `exec` commands: once, when the lab starts. */
    void runStartupCommands(DockerNode node) {
        Duration timeout = Budgets.defaults().get("node command").limit();
        for (String command : node.spec().exec()) {
            ExecResult result = node.exec(timeout, "sh", "-c", command);
            if (!result.succeeded()) {
                throw new LabException("node " + node.name() + ": exec `" + command + "` failed with exit code "
                        + result.exitCode() + ": " + result.output().strip());
            }
        }
    }

    void awaitReady(DockerNode node) {
        NodeKind kind = kinds.get(node.spec().kind());
        try {
            Waits.until(Budgets.defaults().get("node readiness"), "node " + node.name() + " (" + kind.name() + ") ready",
                    () -> kind.readiness().check(node), Readiness::ready);
        } catch (Waits.BudgetExceededException e) {
            throw new LabException(e.getMessage() + "\nlast lines of its log:\n" + tail(node.logs(), 15), e);
        }
    }

    /** A program of the helper image, run in the node's network namespace; arguments are passed as they are. */
    ExecResult inNetworkNamespace(DockerNode node, Duration timeout, String... command) {
        return netns.run(node.containerId(), labels, timeout, NetnsHelper.execScript(java.util.Arrays.asList(command)));
    }

    List<LinkNetwork> networksOf(NodeSpec node) {
        return networks.stream()
                .filter(network -> network.link().endpoints().stream().anyMatch(e -> e.node().equals(node.name())))
                .toList();
    }

    private void wireInterfaces(DockerNode node) {
        List<LinkNetwork> attached = networksOf(node.spec());
        if (attached.isEmpty()) {
            return;
        }
        Map<String, ContainerNetwork> dockerView = docker.inspectContainerCmd(node.containerId()).exec()
                .getNetworkSettings().getNetworks();
        List<InterfaceWiring.Attachment> attachments = attached.stream()
                .map(network -> new InterfaceWiring.Attachment(dockerView.get(network.name()).getIpAddress(),
                        network.link().endpointOf(node.name())))
                .toList();
        ExecResult result = netns.run(node.containerId(), labels, Duration.ofSeconds(30), InterfaceWiring.script(attachments));
        if (!result.succeeded()) {
            throw new LabException("could not name and address the interfaces of " + node.name() + ": "
                    + result.output().strip());
        }
    }

    /** Tells a kind whose daemon must not start before its interfaces are final that they are. */
    private void signalNetworkReady(DockerNode node) {
        kinds.get(node.spec().kind()).networkReadyMarker().ifPresent(marker -> {
            ExecResult result = node.exec("sh", "-c", "mkdir -p \"$(dirname \"$0\")\" && : > \"$0\"", marker);
            if (!result.succeeded()) {
                throw new LabException("could not tell " + node.name() + " that its network is ready: "
                        + result.output().strip());
            }
        });
    }

    private void configureResolver(DockerNode node) {
        NodeSpec spec = node.spec();
        if (spec.dnsServers().isEmpty() && spec.dnsSearch().isEmpty()) {
            return;
        }
        StringBuilder resolvConf = new StringBuilder();
        if (!spec.dnsSearch().isEmpty()) {
            resolvConf.append("search ").append(String.join(" ", spec.dnsSearch())).append('\n');
        }
        spec.dnsServers().forEach(server -> resolvConf.append("nameserver ").append(server).append('\n'));
        ExecResult result = node.exec("sh", "-c", "printf '%s' \"$0\" > /etc/resolv.conf", resolvConf.toString());
        if (!result.succeeded()) {
            throw new LabException("could not set the resolvers of " + node.name() + ": " + result.output().strip());
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
