package org.flatracoon.scenarios;

import io.cucumber.java.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.flatracoon.lab.backend.CaptureFiles;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.backend.StartOptions;
import org.flatracoon.lab.graph.LabGraph;
import org.flatracoon.lab.graph.SvgGraph;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Budgets;

/** The lab of one scenario; removed when the scenario ends, whatever its outcome. */
public final class LabWorld {

    private final ScenarioEvidence evidence;
    private RunningLab lab;
    private Path captureFolder;
    /** Recorded with the faults and in replay bundles, for steps that draw random numbers; `-Dlab.seed=N` fixes it. */
    private final long seed = Long.getLong("lab.seed", new java.util.Random().nextLong());

    public LabWorld(ScenarioEvidence evidence) {
        this.evidence = evidence;
    }

    void start(String labName) {
        if (lab != null) {
            throw new IllegalStateException("this scenario already runs lab " + lab.name());
        }
        LabSession session = LabSession.get();
        Topology topology = session.topology(labName);
        // Parallel scenarios whose labs share a name or subnets take turns instead of failing.
        StartOptions options = StartOptions.DEFAULTS.waitingForAddresses(Budgets.defaults().get("lab-address-pool").limit());
        if (evidence.captures()) {
            try {
                captureFolder = Files.createTempDirectory("flatracoon-capture-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a folder for the packet captures", e);
            }
            options = options.withCaptureFolder(captureFolder);
        }
        long start = System.nanoTime();
        try {
            lab = session.backend.start(topology, LabOwner.TEST_RUN, options);
        } catch (RuntimeException e) {
            deleteCaptureFolder();
            throw e;
        }
        evidence.note("lab " + labName, "started in " + (System.nanoTime() - start) / 1_000_000 + " ms ("
                + topology.nodes().size() + " nodes, " + topology.links().size() + " links"
                + (evidence.captures() ? ", each link captured" : ", no captures") + ")");
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

    /**
     * The finished packet capture of the link between two nodes: captures stop here (the rest of
     * the scenario is not captured), and the report keeps the files as the capture policy says.
     */
    Path captureOfLinkBetween(String a, String b) {
        LinkSpec link = lab().topology().linkBetween(a, b).orElseThrow(() -> new IllegalStateException(
                "lab " + lab.name() + " has no link between " + a + " and " + b));
        String name = CaptureFiles.nameOf(link);
        return lab.stopCaptures().stream().filter(file -> file.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no capture of the link " + link + " (captures are off: -D"
                        + ScenarioEvidence.CAPTURE_PROPERTY + "=" + System.getProperty(ScenarioEvidence.CAPTURE_PROPERTY) + ")"));
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
     * Attaches the evidence of the scenario to the report (packet captures only when they are to
     * be kept; a replay bundle if it failed), then removes the lab, undoing every fault still in
     * force first, and checks nothing is left.
     */
    void finish(Scenario scenario) {
        if (lab == null) {
            return;
        }
        try {
            attachCaptures(scenario);
            attachEvidence(scenario);
            ReplayBundleWriter.attachIfFailed(scenario, lab, seed);
            undoFaults(scenario);
        } finally {
            RunningLab closing = lab;
            lab = null;
            closing.close();
            deleteCaptureFolder();
            evidence.note("lab " + closing.name(), "removed (run " + closing.runId() + ")");
            List<String> leftovers = closing.leftovers();
            if (!leftovers.isEmpty()) {
                throw new AssertionError("the lab left resources behind: " + leftovers);
            }
        }
    }

    /** Stopped before the lab goes, so every file is complete; named {@code <nodeA>-<ifA>--<nodeB>-<ifB>.pcap}. */
    private void attachCaptures(Scenario scenario) {
        List<Path> captures = lab.stopCaptures();
        if (!evidence.keepCaptures(scenario.isFailed())) {
            return;
        }
        for (Path capture : captures) {
            try {
                scenario.attach(Files.readAllBytes(capture), "application/vnd.tcpdump.pcap",
                        capture.getFileName().toString());
            } catch (IOException e) {
                scenario.log("could not read the capture " + capture + ": " + e.getMessage());
            }
        }
    }

    private void deleteCaptureFolder() {
        if (captureFolder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(captureFolder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete the packet captures in " + captureFolder + ": " + e.getMessage());
        }
        captureFolder = null;
    }

    private void attachEvidence(Scenario scenario) {
        scenario.attach(SvgGraph.render(LabGraph.of(lab.topology())).getBytes(StandardCharsets.UTF_8), "image/svg+xml",
                "topology.svg");
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
