package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabBackend;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.backend.StartOptions;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.kind.NodeKind;
import org.flatracoon.lab.kind.ReadinessCheck.Readiness;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/**
 * Brings a topology up on a Docker engine: one internal network per link, one container per
 * node; then, node by node in file order, the container starts, gets its interfaces named and
 * addressed as the topology says, runs its commands and is waited for until ready. Anything that
 * fails on the way removes what was created.
 */
public final class DockerLabBackend implements LabBackend {

    /** Docker's rule that subnets must not overlap holds engine-wide, so the pools are process-wide. */
    private static final AddressPools POOLS = new AddressPools();

    private final DockerClient docker;
    private final KindRegistry kinds;
    private final LabInventory inventory;
    private final NetnsHelper netns;
    private final LinkForwarding forwarding;

    public DockerLabBackend(DockerClient docker, KindRegistry kinds) {
        this.docker = docker;
        this.kinds = kinds;
        this.inventory = new LabInventory(docker);
        this.netns = new NetnsHelper(docker);
        this.forwarding = new LinkForwarding(docker);
    }

    @Override
    public RunningLab start(Topology topology, LabOwner owner, StartOptions options) {
        HostNetworks.refuseOverlaps(topology);
        requireImages(topology);
        AddressPools.Lease addresses = POOLS.acquire(topology, options.waitForAddresses());
        try {
            refuseIfRunning(topology.name());
            return startHolding(topology, owner, options, addresses);
        } catch (RuntimeException e) {
            addresses.close();
            throw e;
        }
    }

    private RunningLab startHolding(Topology topology, LabOwner owner, StartOptions options,
            AddressPools.Lease addresses) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = LabLabels.forLab(topology.name(), runId, owner, topology.file().toString());
        try {
            List<String> networkIds = new ArrayList<>();
            List<LinkNetwork> networks = createNetworks(topology, labels, networkIds);
            forwarding.allow(HostBridges.ofNetworks(networkIds), labels);
            Optional<LinkCaptures> captures = options.captureFolder()
                    .map(folder -> new LinkCaptures(new HelperContainer(docker), folder, labels));
            NodeBringUp bringUp = new NodeBringUp(docker, kinds, netns, networks, labels, captures);
            Map<String, DockerNode> nodes = new LinkedHashMap<>();
            FaultJournal journal = new FaultJournal();
            EndpointFaults endpointFaults = new EndpointFaults(nodes, labels, netns);
            for (NodeSpec node : topology.nodes()) {
                String id = createNode(topology, node, bringUp.networksOf(node), labels);
                nodes.put(node.name(), new DockerNode(docker, node, id, bringUp, journal, endpointFaults));
            }
            // One after another in file order, each ready before the next starts: a node may rely on
            // the nodes written above it (a DNS secondary on its primary, a client on its server).
            for (DockerNode node : nodes.values()) {
                docker.startContainerCmd(node.containerId()).exec();
                bringUp.configureNetwork(node);
                bringUp.runStartupCommands(node);
                bringUp.awaitReady(node);
            }
            journal.markReady();
            return new DockerLab(topology, runId, nodes, labels, netns, inventory, journal, endpointFaults,
                    Optional.of(new OwnedResources(addresses, HostBridges.ofNetworks(networkIds), captures,
                            forwarding)));
        } catch (RuntimeException e) {
            inventory.removeRun(runId);
            forwarding.remove(labels);
            throw e instanceof LabException ? e
                    : new LabException("lab " + topology.name() + " could not start: " + e.getMessage(), e);
        }
    }

    /**
     * The running lab {@code topology} describes, brought up by another process (`lab up`), so
     * this one can disturb it; closing the result leaves the lab running. Faults it applies are
     * recorded in a journal of its own.
     *
     * @throws LabException when no such lab runs, or its nodes no longer match the topology file
     */
    public RunningLab attach(Topology topology) {
        LabInventory.LabSummary running = inventory.labs().stream()
                .filter(lab -> lab.name().equals(topology.name()))
                .findFirst()
                .orElseThrow(() -> new LabException("no lab named " + topology.name() + " is running (see `lab ps`)"));
        LabOwner owner = Arrays.stream(LabOwner.values()).filter(o -> o.label().equals(running.owner())).findFirst()
                .orElse(LabOwner.CLI);
        Map<String, String> labels = LabLabels.forLab(topology.name(), running.runId(), owner, running.topologyFile());
        List<LinkNetwork> networks = new ArrayList<>();
        for (int i = 0; i < topology.links().size(); i++) {
            networks.add(LinkNetwork.of(topology.name(), i + 1, topology.links().get(i)));
        }
        NodeBringUp bringUp = new NodeBringUp(docker, kinds, netns, networks, labels, Optional.empty());
        Map<String, DockerNode> nodes = new LinkedHashMap<>();
        FaultJournal journal = new FaultJournal();
        EndpointFaults endpointFaults = new EndpointFaults(nodes, labels, netns);
        for (NodeSpec node : topology.nodes()) {
            String id = running.nodes().stream().filter(n -> n.name().equals(node.name())).findFirst()
                    .map(LabInventory.NodeSummary::containerId)
                    .orElseThrow(() -> new LabException("lab " + topology.name() + " has no node " + node.name()
                            + " running; was its topology file " + topology.file() + " changed since `lab up`?"));
            nodes.put(node.name(), new DockerNode(docker, node, id, bringUp, journal, endpointFaults));
        }
        return new DockerLab(topology, running.runId(), nodes, labels, netns, inventory, journal, endpointFaults,
                Optional.empty());
    }

    private void refuseIfRunning(String labName) {
        boolean running = inventory.labs().stream().anyMatch(lab -> lab.name().equals(labName));
        if (running) {
            throw new LabException("a lab named " + labName + " is already running; stop it with `lab down "
                    + labName + "` or `lab clean`");
        }
    }

    private void requireImages(Topology topology) {
        List<String> missing = new ArrayList<>();
        // The network helper wires every node's interfaces, so its image is needed as much as the nodes'.
        Stream.concat(topology.nodes().stream().map(NodeSpec::image), Stream.of(NetnsHelper.IMAGE))
                .distinct().forEach(image -> {
            try {
                docker.inspectImageCmd(image).exec();
            } catch (NotFoundException e) {
                missing.add(image);
            }
        });
        if (!missing.isEmpty()) {
            throw new LabException("image(s) not in the local Docker engine: " + String.join(", ", missing)
                    + " (nothing can be pulled here; build ours with `just images`)");
        }
    }

    private List<LinkNetwork> createNetworks(Topology topology, Map<String, String> labels, List<String> createdIds) {
        List<LinkNetwork> networks = new ArrayList<>();
        List<String> ipv6NetworkIds = new ArrayList<>();
        List<LinkSpec> links = topology.links();
        for (int i = 0; i < links.size(); i++) {
            LinkNetwork network = LinkNetwork.of(topology.name(), i + 1, links.get(i));
            List<Network.Ipam.Config> subnets = new ArrayList<>();
            network.link().ipv4Subnet().ifPresent(subnet -> subnets.add(new Network.Ipam.Config()
                    .withSubnet(subnet.toString()).withGateway(network.ipv4Gateway().orElseThrow())));
            network.link().ipv6Subnet().ifPresent(subnet -> subnets.add(new Network.Ipam.Config()
                    .withSubnet(subnet.toString()).withGateway(network.ipv6Gateway().orElseThrow())));
            Map<String, String> networkLabels = new LinkedHashMap<>(labels);
            networkLabels.put(LabLabels.LINK, network.linkLabel());
            try {
                String id = docker.createNetworkCmd()
                        .withName(network.name())
                        .withDriver("bridge")
                        .withInternal(true)
                        .withEnableIpv6(network.link().ipv6Subnet().isPresent())
                        .withIpam(new Network.Ipam().withConfig(subnets))
                        .withLabels(networkLabels)
                        .exec()
                        .getId();
                createdIds.add(id);
                if (network.link().ipv6Subnet().isPresent()) {
                    ipv6NetworkIds.add(id);
                }
            } catch (DockerException e) {
                throw new LabException("link " + network.linkLabel() + ": Docker refused its network ("
                        + e.getMessage().strip() + "); is another lab using the same subnet? see `lab ps`", e);
            }
            networks.add(network);
        }
        new BridgeIsolation(docker).isolateIpv6(ipv6NetworkIds, labels);
        return networks;
    }

    /** Every node's NET_ADMIN and NET_RAW, and whatever more its kind needs. */
    private static Capability[] capabilitiesOf(NodeKind kind) {
        return Stream.concat(Stream.of(Capability.NET_ADMIN, Capability.NET_RAW),
                kind.containerNeeds().capabilities().stream().map(Capability::valueOf)).distinct().toArray(Capability[]::new);
    }

    /** Creates the node's container (not started) on its links' networks; returns its id. */
    private String createNode(Topology topology, NodeSpec node, List<LinkNetwork> attached, Map<String, String> labLabels) {
        NodeKind kind = kinds.get(node.kind());

        Map<String, String> labels = new LinkedHashMap<>(node.labels());
        labels.putAll(labLabels);
        labels.put(LabLabels.NODE, node.name());
        labels.put(LabLabels.KIND, node.kind());
        labels.put(LabLabels.ADDRESSES, topology.interfacesOf(node.name()));

        List<Bind> binds = new ArrayList<>();
        node.startupConfig().ifPresent(file -> binds.add(new Bind(file.toString(),
                new Volume(kind.startupConfigTarget(node).orElseThrow()), AccessMode.ro)));
        node.binds().forEach(bind -> binds.add(new Bind(bind.hostPath().toString(), new Volume(bind.containerPath()),
                bind.readOnly() ? AccessMode.ro : AccessMode.rw)));

        // Keep IPv6 addresses when a link goes down, as a router does on carrier loss.
        Map<String, String> sysctls = new LinkedHashMap<>(Map.of("net.ipv6.conf.all.disable_ipv6", "0",
                "net.ipv6.conf.all.keep_addr_on_down", "1"));
        sysctls.putAll(kind.containerNeeds().sysctls());
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(attached.isEmpty() ? "none" : attached.get(0).name())
                .withCapAdd(capabilitiesOf(kind))
                .withBinds(binds)
                .withDevices(kind.containerNeeds().devices().stream().map(Device::parse).toList())
                .withSysctls(sysctls);

        CreateContainerCmd create = docker.createContainerCmd(node.image())
                .withName("flr-" + topology.name() + "-" + node.name())
                .withHostName(node.name())
                .withLabels(labels)
                .withEnv(node.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        List<String> command = kind.command(node);
        if (!command.isEmpty()) {
            create.withCmd(command);
        }
        if (!attached.isEmpty()) {
            Endpoint first = attached.get(0).link().endpointOf(node.name());
            first.ipv4().ifPresent(address -> create.withIpv4Address(address.address().getHostAddress()));
            first.ipv6().ifPresent(address -> create.withIpv6Address(address.address().getHostAddress()));
        }
        String id = create.exec().getId();

        for (LinkNetwork network : attached.subList(Math.min(1, attached.size()), attached.size())) {
            Endpoint endpoint = network.link().endpointOf(node.name());
            ContainerNetwork.Ipam ipam = new ContainerNetwork.Ipam();
            endpoint.ipv4().ifPresent(address -> ipam.withIpv4Address(address.address().getHostAddress()));
            endpoint.ipv6().ifPresent(address -> ipam.withIpv6Address(address.address().getHostAddress()));
            docker.connectToNetworkCmd().withContainerId(id).withNetworkId(network.name())
                    .withContainerNetwork(new ContainerNetwork().withIpamConfig(ipam)).exec();
        }
        return id;
    }
}
