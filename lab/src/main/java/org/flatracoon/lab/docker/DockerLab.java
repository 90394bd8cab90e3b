package org.flatracoon.lab.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.Partition;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;
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
    private final FaultJournal journal;
    private final EndpointFaults endpointFaults;
    private final Map<String, List<String>> routesWhileDown = new ConcurrentHashMap<>();
    private final AtomicInteger partitions = new AtomicInteger();
    private final Optional<OwnedResources> owned;
    private boolean closed;

    /**
     * @param owned what this process holds when it brought the lab up (closing removes the lab);
     *     empty when it attached to a lab another process started (closing leaves it running)
     */
    DockerLab(Topology topology, String runId, Map<String, DockerNode> nodes, Map<String, String> labels,
            NetnsHelper netns, LabInventory inventory, FaultJournal journal, EndpointFaults endpointFaults,
            Optional<OwnedResources> owned) {
        this.topology = topology;
        this.runId = runId;
        this.nodes = nodes;
        this.labels = labels;
        this.netns = netns;
        this.inventory = inventory;
        this.journal = journal;
        this.endpointFaults = endpointFaults;
        this.owned = owned;
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
        return new DockerLink(link, nodes, labels, netns, routesWhileDown, journal, endpointFaults);
    }

    @Override
    public Partition partition(Set<String> cutOff) {
        if (cutOff.isEmpty()) {
            throw new IllegalArgumentException("a partition needs at least one node");
        }
        cutOff.forEach(this::node); // names an unknown node
        if (cutOff.containsAll(nodes.keySet())) {
            throw new IllegalArgumentException("a partition of every node of lab " + name()
                    + " cuts nothing off; name the nodes on one side");
        }
        List<LinkSpec> crossing = topology.links().stream()
                .filter(link -> cutOff.contains(link.a().node()) != cutOff.contains(link.b().node()))
                .toList();
        DockerPartition partition = new DockerPartition(partitions.incrementAndGet(), new LinkedHashSet<>(cutOff),
                crossing, journal, endpointFaults);
        partition.cut();
        return partition;
    }

    @Override
    public void healPartitions() {
        // Sweeps every node, so cuts another process made (`lab fault LAB partition …`) go as well.
        journal.perform(FaultAction.HEAL, List.of(), Map.of(), "lab " + name(), "every partition healed", () -> {
            for (DockerNode node : nodes.values()) {
                endpointFaults.removeOnNode(node, slot -> slot.startsWith("cut"), LinkFaults.removeAllCuts());
            }
        });
        journal.release(key -> key.startsWith("partition "));
    }

    @Override
    public FaultJournal faults() {
        return journal;
    }

    @Override
    public List<String> leftovers() {
        List<String> left = new ArrayList<>(inventory.leftovers(runId));
        owned.ifPresent(resources -> resources.bridges().stillPresent().forEach(bridge -> left.add("interface " + bridge)));
        return left;
    }

    @Override
    public List<Path> stopCaptures() {
        return owned.flatMap(OwnedResources::captures).map(LinkCaptures::stop).orElse(List.of());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (owned.isEmpty()) {
            return;
        }
        try {
            List<String> problems = new ArrayList<>(journal.undoBeforeRemoval());
            journal.inForce().forEach(left -> Timeline.current().record(TimelineEvent.of(EventKind.FAULT, left,
                    "still in force when the lab was removed (removal ends it)")));
            problems.forEach(problem -> Timeline.current().record(TimelineEvent.of(EventKind.FAULT, problem,
                    "could not be undone before the lab was removed")));
            inventory.removeRun(runId);
            owned.get().forwarding().remove(labels);
        } finally {
            owned.get().addresses().close();
        }
    }
}
