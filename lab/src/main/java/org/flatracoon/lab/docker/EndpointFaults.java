package org.flatracoon.lab.docker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.topology.Endpoint;

/**
 * The link faults in force at each link end, as the scripts that put them there. A node that is
 * stopped loses its network namespace and with it every fault in it; when it starts again the
 * faults of its links are put back, because a lossy cable stays lossy when a router reboots.
 * Changes to a stopped node's end are remembered and applied when it starts.
 */
final class EndpointFaults {

    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(20);

    private final Map<String, DockerNode> nodes;
    private final Map<String, String> labLabels;
    private final NetnsHelper netns;
    /** endpoint ("a:eth1") → fault slot (chain name, "qdisc") → the script that applies it. */
    private final Map<String, Map<String, String>> inForce = new LinkedHashMap<>();

    EndpointFaults(Map<String, DockerNode> nodes, Map<String, String> labLabels, NetnsHelper netns) {
        this.nodes = nodes;
        this.labLabels = labLabels;
        this.netns = netns;
    }

    /** Applies {@code script} at {@code endpoint} now (if its node runs) and again whenever the node starts. */
    synchronized void apply(Endpoint endpoint, String slot, String script) {
        run(endpoint, script);
        inForce.computeIfAbsent(endpoint.toString(), e -> new LinkedHashMap<>()).put(slot, script);
    }

    /**
     * Like {@link #apply} for a fault the machine may not support: a refusal is returned, not
     * thrown, and nothing is remembered then.
     */
    synchronized ExecResult tryApply(Endpoint endpoint, String slot, String script) {
        DockerNode node = nodes.get(endpoint.node());
        ExecResult result = node.running()
                ? netns.run(node.containerId(), labLabels, CHANGE_TIMEOUT, "set -e\n" + script)
                : new ExecResult(0, "", "");
        if (result.succeeded()) {
            inForce.computeIfAbsent(endpoint.toString(), e -> new LinkedHashMap<>()).put(slot, script);
        }
        return result;
    }

    /** Runs the undo {@code script} at {@code endpoint} (if its node runs) and forgets the matching slots. */
    synchronized void remove(Endpoint endpoint, Predicate<String> slots, String script) {
        run(endpoint, script);
        Map<String, String> atEndpoint = inForce.get(endpoint.toString());
        if (atEndpoint != null) {
            atEndpoint.keySet().removeIf(slots);
        }
    }

    /** Runs {@code script} once in {@code node}'s namespace (if it runs) and forgets the matching slots at all its ends. */
    synchronized void removeOnNode(DockerNode node, Predicate<String> slots, String script) {
        if (node.running()) {
            check(node.name(), netns.run(node.containerId(), labLabels, CHANGE_TIMEOUT, "set -e\n" + script));
        }
        inForce.forEach((endpoint, atEndpoint) -> {
            if (endpoint.startsWith(node.name() + ":")) {
                atEndpoint.keySet().removeIf(slots);
            }
        });
    }

    /** A started node's namespace is new: puts back the faults of its link ends. */
    synchronized void reapply(DockerNode node) {
        StringBuilder script = new StringBuilder("set -e\n");
        inForce.forEach((endpoint, slots) -> {
            if (endpoint.startsWith(node.name() + ":")) {
                slots.values().forEach(script::append);
            }
        });
        if (script.length() > "set -e\n".length()) {
            check(node.name(), netns.run(node.containerId(), labLabels, CHANGE_TIMEOUT, script.toString()));
        }
    }

    private void run(Endpoint endpoint, String script) {
        DockerNode node = nodes.get(endpoint.node());
        if (!node.running()) {
            return; // no namespace to change; reapply() sets it up when the node starts
        }
        check(endpoint.toString(), netns.run(node.containerId(), labLabels, CHANGE_TIMEOUT, "set -e\n" + script));
    }

    static ExecResult check(String where, ExecResult result) {
        if (!result.succeeded()) {
            throw new LabException("could not change the faults at " + where + ": " + result.output().strip());
        }
        return result;
    }
}
