package org.flatracoon.scenarios;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.kind.OverlayControllerKind;
import org.flatracoon.lab.kind.OverlayNodeKind;
import org.flatracoon.lab.probe.OverlayAgent;
import org.flatracoon.lab.probe.OverlayController;
import org.flatracoon.lab.topology.NodeSpec;
import org.yaml.snakeyaml.Yaml;

/**
 * The overlay as the running lab describes it: the controller (with the operator token of its
 * configuration), each node's agent, and what each node's agent configuration announces.
 */
final class OverlayLab {

    private final LabWorld world;

    OverlayLab(LabWorld world) {
        this.world = world;
    }

    LabNode controllerNode() {
        return world.node(world.onlyNodeOfKind("overlay-controller").name());
    }

    OverlayController controller() {
        NodeSpec spec = world.onlyNodeOfKind("overlay-controller");
        Object token = config(spec).get("auth-token");
        if (token == null) {
            throw new IllegalStateException("the controller configuration of " + spec.name()
                    + " names no auth-token; the lab's operator needs it");
        }
        return new OverlayController(world.node(spec.name()), OverlayControllerKind.API_PORT, token.toString());
    }

    String networkId() {
        return controller().onlyNetwork();
    }

    OverlayAgent agent(String node) {
        return new OverlayAgent(world.node(node), OverlayNodeKind.API_PORT);
    }

    OverlayAgent.Status status(String node) {
        return agent(node).status();
    }

    String memberAddress(String node) {
        return status(node).address();
    }

    /** The node's overlay address of a family (4 or 6), as its agent reports it. */
    String overlayAddress(String node, int family) {
        return status(node).address(family).orElseThrow(() -> new AssertionError(
                node + " has no IPv" + family + " overlay address: " + status(node)));
    }

    /** The pod subnets the node's agent configuration advertises. */
    List<String> podSubnets(String node) {
        Object subnets = config(world.node(node).spec()).get("pod-subnets");
        return subnets instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    /** The pod address of a node (its topology labels `overlay.pod-ipv4`, `overlay.pod-ipv6`). */
    String podAddress(String node, int family) {
        String label = "overlay.pod-ipv" + family;
        String address = world.node(node).spec().labels().get(label);
        if (address == null) {
            throw new IllegalStateException("node " + node + " of lab " + world.lab().name() + " has no label " + label);
        }
        return address;
    }

    /** The UDP port the node's agent listens on (`udp-port`, 9993 when not set). */
    int udpPort(String node) {
        Object port = config(world.node(node).spec()).get("udp-port");
        return port == null ? 9993 : Integer.parseInt(port.toString());
    }

    private Map<String, Object> config(NodeSpec spec) {
        Path file = spec.startupConfig().orElseThrow(() -> new IllegalStateException(
                "node " + spec.name() + " has no startup-config"));
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> config = new Yaml().load(reader);
            return config == null ? Map.of() : config;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
