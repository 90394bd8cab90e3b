package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.flatracoon.lab.backend.LabOwner;

/** What of the lab lives on the Docker engine, found by label, and the removal of it. */
public final class LabInventory {

    private final DockerClient docker;

    public LabInventory(DockerClient docker) {
        this.docker = docker;
    }

    /** One lab on the engine, from its containers' labels. */
    public record LabSummary(String name, String runId, String owner, String topologyFile, List<NodeSummary> nodes) {
    }

    /** One node container of a lab. */
    public record NodeSummary(String name, String kind, String image, String state, String addresses, String containerId) {
    }

    /** What a removal removed. */
    public record Removed(int containers, int networks) {
        public boolean nothing() {
            return containers == 0 && networks == 0;
        }
    }

    public List<LabSummary> labs() {
        Map<String, List<Container>> byRun = new LinkedHashMap<>();
        for (Container container : labContainers(Map.of())) {
            if (container.getLabels().containsKey(LabLabels.NODE)) {
                byRun.computeIfAbsent(container.getLabels().get(LabLabels.RUN), run -> new ArrayList<>()).add(container);
            }
        }
        List<LabSummary> labs = new ArrayList<>();
        byRun.forEach((run, containers) -> {
            Map<String, String> labels = containers.get(0).getLabels();
            List<NodeSummary> nodes = containers.stream()
                    .map(c -> new NodeSummary(c.getLabels().get(LabLabels.NODE), c.getLabels().get(LabLabels.KIND),
                            c.getImage(), c.getState(), c.getLabels().getOrDefault(LabLabels.ADDRESSES, ""), c.getId()))
                    .sorted(Comparator.comparing(NodeSummary::name))
                    .toList();
            labs.add(new LabSummary(labels.get(LabLabels.LAB), run, labels.get(LabLabels.OWNER),
                    labels.getOrDefault(LabLabels.TOPOLOGY_FILE, ""), nodes));
        });
        labs.sort(Comparator.comparing(LabSummary::name));
        return labs;
    }

    public Removed removeLab(String labName) {
        Removed removed = remove(Map.of(LabLabels.LAB, labName));
        if (!removed.nothing()) {
            new LinkForwarding(docker).removeLeftovers(labName);
        }
        return removed;
    }

    public Removed removeRun(String runId) {
        return remove(Map.of(LabLabels.RUN, runId));
    }

    /** Removes every lab on the engine, whoever started it. */
    public Removed removeAll() {
        Removed removed = remove(Map.of());
        if (!removed.nothing()) {
            new LinkForwarding(docker).removeLeftovers("clean");
        }
        return removed;
    }

    /**
     * Removes the labs of test runs whose process is gone (a killed run cannot clean up after
     * itself). Only runs from this process's pid namespace are judged: a pid from another one (a
     * test run in another sandbox or CI job on the same engine) says nothing here.
     */
    public Removed sweepAbandonedTestRuns() {
        String ourNamespace = LabLabels.pidNamespace();
        Predicate<Map<String, String>> abandoned = labels -> LabOwner.TEST_RUN.label().equals(labels.get(LabLabels.OWNER))
                && ourNamespace.equals(labels.get(LabLabels.PID_NAMESPACE))
                && !processAlive(labels.get(LabLabels.PID));
        int containers = 0;
        int networks = 0;
        for (Container container : labContainers(Map.of())) {
            if (abandoned.test(container.getLabels())) {
                containers += removeContainer(container.getId());
            }
        }
        for (Network network : labNetworks(Map.of())) {
            if (abandoned.test(network.getLabels())) {
                networks += removeNetwork(network.getId());
            }
        }
        return new Removed(containers, networks);
    }

    /** Containers and networks of a run still on the engine: empty after a clean close. */
    public List<String> leftovers(String runId) {
        List<String> leftovers = new ArrayList<>();
        labContainers(Map.of(LabLabels.RUN, runId)).forEach(c -> leftovers.add("container " + String.join(",", c.getNames())));
        labNetworks(Map.of(LabLabels.RUN, runId)).forEach(n -> leftovers.add("network " + n.getName()));
        return leftovers;
    }

    /** Containers and networks of labs started by test runs: empty when no test run is going on. */
    public List<String> testRunLeftovers() {
        List<String> leftovers = new ArrayList<>();
        labContainers(Map.of(LabLabels.OWNER, LabOwner.TEST_RUN.label()))
                .forEach(c -> leftovers.add("container " + String.join(",", c.getNames())));
        labNetworks(Map.of(LabLabels.OWNER, LabOwner.TEST_RUN.label())).forEach(n -> leftovers.add("network " + n.getName()));
        return leftovers;
    }

    private Removed remove(Map<String, String> filter) {
        int containers = 0;
        for (Container container : labContainers(filter)) {
            containers += removeContainer(container.getId());
        }
        int networks = 0;
        for (Network network : labNetworks(filter)) {
            networks += removeNetwork(network.getId());
        }
        return new Removed(containers, networks);
    }

    private List<Container> labContainers(Map<String, String> filter) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labelFilter(filter)).exec();
    }

    private List<Network> labNetworks(Map<String, String> filter) {
        return docker.listNetworksCmd().withFilter("label", labelFilter(filter)).exec();
    }

    /** Docker's label filter: the lab key (anything of ours) plus the given key=value pairs. */
    private static List<String> labelFilter(Map<String, String> filter) {
        List<String> labels = new ArrayList<>();
        labels.add(LabLabels.LAB);
        filter.forEach((key, value) -> labels.add(key + "=" + value));
        return labels;
    }

    private int removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return 1;
        } catch (NotFoundException alreadyGone) {
            return 0;
        }
    }

    private int removeNetwork(String id) {
        try {
            docker.removeNetworkCmd(id).exec();
            return 1;
        } catch (NotFoundException alreadyGone) {
            return 0;
        }
    }

    private static boolean processAlive(String pid) {
        try {
            return pid != null && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
