package org.flatracoon.lab.docker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flatracoon.lab.backend.Partition;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * Nodes cut off from the rest: each link crossing the cut drops everything at both ends, in
 * chains of this partition's own ("cut7_eth1"), so healing it leaves other faults alone.
 */
final class DockerPartition implements Partition {

    private final int id;
    private final Set<String> nodes;
    private final List<LinkSpec> cutLinks;
    private final FaultJournal journal;
    private final EndpointFaults endpointFaults;
    private boolean healed;

    DockerPartition(int id, Set<String> nodes, List<LinkSpec> cutLinks, FaultJournal journal,
            EndpointFaults endpointFaults) {
        this.id = id;
        this.nodes = Set.copyOf(nodes);
        this.cutLinks = List.copyOf(cutLinks);
        this.journal = journal;
        this.endpointFaults = endpointFaults;
    }

    void cut() {
        journal.perform(FaultAction.PARTITION, List.copyOf(new java.util.TreeSet<>(nodes)), Map.of("links", links()),
                subject(), "cut off from the rest of the lab (" + cutLinks.size() + " links silently drop everything)", () -> {
                    for (LinkSpec link : cutLinks) {
                        for (Endpoint endpoint : link.endpoints()) {
                            String chain = chain(endpoint);
                            endpointFaults.apply(endpoint, chain, LinkFaults.dropAllArriving(chain, endpoint.iface()));
                        }
                    }
                });
        journal.hold(key(), subject(), this::heal);
    }

    @Override
    public Set<String> nodes() {
        return nodes;
    }

    @Override
    public List<LinkSpec> cutLinks() {
        return cutLinks;
    }

    @Override
    public synchronized void heal() {
        if (healed) {
            return;
        }
        journal.perform(FaultAction.HEAL, List.copyOf(new java.util.TreeSet<>(nodes)), Map.of("links", links()), subject(),
                "healed: traffic crosses the cut links again", () -> {
                    for (LinkSpec link : cutLinks) {
                        for (Endpoint endpoint : link.endpoints()) {
                            String chain = chain(endpoint);
                            endpointFaults.remove(endpoint, chain::equals, LinkFaults.removeChain(chain));
                        }
                    }
                });
        healed = true;
        journal.release(key()::equals);
    }

    private String chain(Endpoint endpoint) {
        return LinkFaults.chain("cut" + id, endpoint.iface());
    }

    private String links() {
        return String.join(" ", cutLinks.stream().map(link -> link.a() + "--" + link.b()).toList());
    }

    private String key() {
        return "partition " + id;
    }

    private String subject() {
        return "partition " + String.join(",", new java.util.TreeSet<>(nodes));
    }
}
