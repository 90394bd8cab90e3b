package org.flatracoon.scenarios;

import io.cucumber.java.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Budgets;

/** The lab of one scenario; removed when the scenario ends, whatever its outcome. */
public final class LabWorld {

    private RunningLab lab;
    /** Recorded with the faults and in replay bundles, for steps that draw random numbers; `-Dlab.seed=N` fixes it. */
    private final long seed = Long.getLong("lab.seed", new java.util.Random().nextLong());

    void start(String labName) {
        if (lab != null) {
            throw new IllegalStateException("this scenario already runs lab " + lab.name());
        }
        LabSession session = LabSession.get();
        lab = session.backend.start(session.topology(labName), LabOwner.TEST_RUN);
    }

    RunningLab lab() {
        if (lab == null) {
            throw new IllegalStateException("no lab is running: the scenario needs a `Given the \"…\" lab is running`");
        }
        return lab;
    }

    LabNode node(String name) {
        return lab().node(name);
    }

    Budget budget(String name) {
        return Budgets.defaults().get(name);
    }

    /** The single node of a kind, e.g. the Hesiod server of the lab. */
    NodeSpec onlyNodeOfKind(String kind) {
        List<NodeSpec> nodes = lab().topology().nodes().stream().filter(n -> n.kind().equals(kind)).toList();
        if (nodes.size() != 1) {
            throw new IllegalStateException("lab " + lab.name() + " has " + nodes.size() + " nodes of kind " + kind
                    + ", the step needs exactly one");
        }
        return nodes.get(0);
    }

    /** The IPv4 address of {@code node} on the link it shares with {@code neighbour}. */
    String addressFacing(String node, String neighbour) {
        LinkSpec link = lab().topology().linkBetween(node, neighbour).orElseThrow(() -> new IllegalStateException(
                "lab " + lab.name() + " has no link between " + node + " and " + neighbour));
        return link.endpointOf(node).ipv4().map(InterfaceAddress::address).map(a -> a.getHostAddress())
                .orElseThrow(() -> new IllegalStateException(node + " has no IPv4 address towards " + neighbour));
    }

    /** The first IPv4 address of a node, on whichever link. */
    String firstAddressOf(String node) {
        return firstAddress(node, Endpoint::ipv4, "IPv4");
    }

    /** The first IPv6 address of a node, on whichever link. */
    String firstIpv6AddressOf(String node) {
        return firstAddress(node, Endpoint::ipv6, "IPv6");
    }

    private String firstAddress(String node, Function<Endpoint, Optional<InterfaceAddress>> family, String familyName) {
        return lab().topology().linksOf(node).stream()
                .map(link -> link.endpointOf(node))
                .map(family)
                .flatMap(Optional::stream)
                .map(address -> address.address().getHostAddress())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " has no " + familyName + " address in lab " + lab.name()));
    }

    /**
     * Attaches the evidence of the scenario to the report (and, if it failed, a replay bundle),
     * then removes the lab, undoing every fault still in force first, and checks nothing is left.
     */
    void finish(Scenario scenario) {
        if (lab == null) {
            return;
        }
        try {
            attachEvidence(scenario);
            ReplayBundleWriter.attachIfFailed(scenario, lab, seed);
            undoFaults(scenario);
        } finally {
            String runId = lab.runId();
            lab.close();
            lab = null;
            List<String> leftovers = LabSession.get().inventory.leftovers(runId);
            if (!leftovers.isEmpty()) {
                throw new AssertionError("the lab left resources behind: " + leftovers);
            }
        }
    }

    private void attachEvidence(Scenario scenario) {
        try {
            scenario.attach(Files.readAllBytes(lab.topology().file()), "application/yaml", "topology.clab.yml");
        } catch (IOException e) {
            scenario.log("could not read the topology file: " + e.getMessage());
        }
        scenario.attach(ResolvedTopology.describe(lab.topology()).getBytes(StandardCharsets.UTF_8), "text/plain",
                "resolved-topology.txt");
        for (LabNode node : lab.nodes()) {
            scenario.attach(node.logs().getBytes(StandardCharsets.UTF_8), "text/plain", node.name() + ".log");
        }
    }

    /** Every fault still in force is undone, whatever the outcome; faults.txt shows what was done and undone, when. */
    private void undoFaults(Scenario scenario) {
        List<String> notUndone = lab.faults().undoBeforeRemoval();
        List<FaultEntry> faults = lab.faults().schedule();
        if (!faults.isEmpty()) {
            String schedule = "seed " + seed + "; offsets from lab-ready\n" + faults.stream().map(FaultEntry::describe)
                    .collect(java.util.stream.Collectors.joining("\n")) + "\n"
                    + lab.faults().inForce().stream().map(left -> left + ": left as it is, ends with the lab's removal\n")
                            .collect(java.util.stream.Collectors.joining());
            scenario.attach(schedule.getBytes(StandardCharsets.UTF_8), "text/plain", "faults.txt");
        }
        if (!notUndone.isEmpty()) {
            throw new AssertionError("faults could not be undone at the end of the scenario: " + notUndone);
        }
    }
}
