package org.flatracoon.lab.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.Topology;

/** A running lab on the Docker engine. */
final class DockerLab implements RunningLab {

    private final Topology topology;
    private final String runId;
    private final Map<String, DockerNode> nodes;
    private final Map<String, String> labels;
    private final NetnsHelper netns;
    private final LabInventory inventory;
    private final AddressPools.Lease addresses;
    private final HostBridges bridges;
    private final LinkForwarding forwarding;
    private final Map<String, List<String>> routesWhileDown = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean closed;

    DockerLab(Topology topology, String runId, Map<String, DockerNode> nodes, Map<String, String> labels,
            NetnsHelper netns, LabInventory inventory, AddressPools.Lease addresses, HostBridges bridges,
            LinkForwarding forwarding) {
        this.topology = topology;
        this.runId = runId;
        this.nodes = nodes;
        this.labels = labels;
        this.netns = netns;
        this.inventory = inventory;
        this.addresses = addresses;
        this.bridges = bridges;
        this.forwarding = forwarding;
    }

    @Override
    public String name() {
        return topology.name();
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Topology topology() {
        return topology;
    }

    @Override
    public List<LabNode> nodes() {
        return List.copyOf(nodes.values());
    }

    @Override
    public LabNode node(String name) {
        DockerNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("lab " + name() + " has no node '" + name + "'; nodes: " + nodes.keySet());
        }
        return node;
    }

    @Override
    public LabLink link(String nodeA, String nodeB) {
        LinkSpec link = topology.linkBetween(nodeA, nodeB).orElseThrow(() -> new IllegalArgumentException(
                "lab " + name() + " has no link between " + nodeA + " and " + nodeB));
        return new DockerLink(link, nodes, labels, netns, routesWhileDown);
    }

    @Override
    public List<String> leftovers() {
        List<String> left = new ArrayList<>(inventory.leftovers(runId));
        bridges.stillPresent().forEach(bridge -> left.add("interface " + bridge));
        return left;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            try {
                inventory.removeRun(runId);
                forwarding.remove(labels);
            } finally {
                addresses.close();
                closed = true;
            }
        }
    }
}
