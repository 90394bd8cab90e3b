package org.flatracoon.lab.kind;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * A Kubernetes node of the overlay (netstack image): runs our member agent with the agent
 * configuration given as startup-config. The agent opens a TAP device, so the container gets
 * /dev/net/tun; a node forwards for the pods behind it, so forwarding is on in both families.
 * Its pod subnet is set up by the node's own `exec` commands (see the overlay labs).
 */
public final class OverlayNodeKind implements NodeKind {

    static final String CONFIG_FILE = "/etc/netstack/overlay/agent.yml";
    /** The agent's local HTTP API (/health, /status, /metrics); the lab's configs keep this port. */
    public static final int API_PORT = 9994;

    @Override
    public String name() {
        return "overlay-node";
    }

    @Override
    public Optional<String> defaultImage() {
        return Optional.of("flatracoon/netstack:" + LabVersion.imageTag());
    }

    @Override
    public Optional<String> startupConfigTarget() {
        return Optional.of(CONFIG_FILE);
    }

    @Override
    public List<String> command(NodeSpec node) {
        return List.of("overlay", "agent", "--config", CONFIG_FILE);
    }

    /** Ready when the agent answers at all: a member waiting for authorisation is a running node too. */
    @Override
    public ReadinessCheck readiness() {
        return new AgentAnswers(API_PORT);
    }

    @Override
    public ContainerNeeds containerNeeds() {
        return ContainerNeeds.ROUTER.withDevices(List.of("/dev/net/tun"));
    }
}
