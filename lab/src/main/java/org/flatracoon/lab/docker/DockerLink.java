package org.flatracoon.lab.docker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.Direction;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.backend.Rate;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultJournal;
import org.flatracoon.lab.fault.UnsupportedFaultException;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * A link between two nodes and its faults. Going down takes both interfaces down, as a cut cable
 * would; the silent faults (blackhole, loss, rate, delay) leave the interfaces up and are made
 * inside the nodes' network namespaces (see {@link LinkFaults}).
 */
final class DockerLink implements LabLink {

    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(20);

    private final LinkSpec spec;
    private final Map<String, DockerNode> nodes;
    private final Map<String, String> labLabels;
    private final NetnsHelper netns;
    /** Static routes through an interface that is down, by endpoint ("a:eth1"); shared by the lab's links. */
    private final Map<String, List<String>> routesWhileDown;
    private final FaultJournal journal;
    private final EndpointFaults endpointFaults;

    DockerLink(LinkSpec spec, Map<String, DockerNode> nodes, Map<String, String> labLabels, NetnsHelper netns,
            Map<String, List<String>> routesWhileDown, FaultJournal journal, EndpointFaults endpointFaults) {
        this.spec = spec;
        this.nodes = nodes;
        this.labLabels = labLabels;
        this.netns = netns;
        this.routesWhileDown = routesWhileDown;
        this.journal = journal;
        this.endpointFaults = endpointFaults;
    }

    @Override
    public LinkSpec spec() {
        return spec;
    }

    @Override
    public void down() {
        journal.perform(FaultAction.LINK_DOWN, target(), Map.of(), subject(), "carrier lost on both ends", () -> {
            for (Endpoint endpoint : spec.endpoints()) {
                // Taking an interface down makes the kernel drop the routes through it; keep the static
                // ones (proto boot: the topology's exec commands, a user's `ip route add`) to put back on up().
                String iface = endpoint.iface();
                ExecResult result = inNamespaceOf(endpoint, "set -e\n"
                        + "ip -4 route show dev " + iface + " proto boot | sed 's/^/-4 /'\n"
                        + "ip -6 route show dev " + iface + " proto boot | sed 's/^/-6 /'\n"
                        + "ip link set dev " + iface + " down\n");
                List<String> routes = result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
                if (!routes.isEmpty()) {
                    routesWhileDown.put(endpoint.toString(), routes);
                }
            }
        });
        journal.hold(key("down"), "link " + label() + " down", this::up);
    }

    @Override
    public void up() {
        journal.perform(FaultAction.LINK_UP, target(), Map.of(), subject(), "carrier back on both ends", () -> {
            for (Endpoint endpoint : spec.endpoints()) {
                StringBuilder script = new StringBuilder("ip link set dev " + endpoint.iface() + " up\n")
                        .append(InterfaceWiring.restoreAddresses(endpoint));
                for (String route : routesWhileDown.getOrDefault(endpoint.toString(), List.of())) {
                    String[] familyAndRoute = route.split(" ", 2); // "-4 203.0.113.0/24 via 198.51.100.254"
                    script.append("ip ").append(familyAndRoute[0]).append(" route replace ").append(familyAndRoute[1])
                            .append(" dev ").append(endpoint.iface()).append('\n');
                }
                inNamespaceOf(endpoint, script.toString());
                routesWhileDown.remove(endpoint.toString());
            }
        });
        journal.release(key("down")::equals);
    }

    @Override
    public void blackhole() {
        journal.perform(FaultAction.LINK_BLACKHOLE, target(), Map.of(), subject(),
                "silently drops all traffic both ways (interfaces stay up)", () -> {
                    for (Endpoint endpoint : spec.endpoints()) {
                        String chain = LinkFaults.chain("bh", endpoint.iface());
                        endpointFaults.apply(endpoint, chain, LinkFaults.dropAllArriving(chain, endpoint.iface()));
                    }
                });
        journal.hold(key("faults"), "link " + label() + " faults", this::clear);
    }

    @Override
    public void loss(double percent, Direction direction) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("loss must be a percentage above 0 and at most 100, got " + percent);
        }
        requireOnLink(direction);
        Map<String, String> params = params(direction);
        params.put("percent", LinkFaults.percentText(percent));
        journal.perform(FaultAction.LINK_LOSS, target(), params, subject(),
                "drops " + LinkFaults.percentText(percent) + "% of packets " + direction + " (random)", () -> {
                    for (Endpoint sender : spec.endpoints()) {
                        if (direction.covers(sender.node())) {
                            // Dropped where it arrives: the sender's own captures still show what it sent.
                            Endpoint receiver = spec.peerOf(sender.node());
                            String chain = LinkFaults.chain("loss", receiver.iface());
                            endpointFaults.apply(receiver, chain,
                                    LinkFaults.dropRandomArriving(chain, receiver.iface(), percent));
                        }
                    }
                });
        journal.hold(key("faults"), "link " + label() + " faults", this::clear);
    }

    @Override
    public void rateLimit(Rate rate, Direction direction) {
        requireOnLink(direction);
        Map<String, String> params = params(direction);
        params.put("rate", rate.toString());
        journal.perform(FaultAction.LINK_RATE, target(), params, subject(),
                "limited to " + rate + " " + direction + " (token bucket)", () -> {
                    for (Endpoint sender : spec.endpoints()) {
                        if (direction.covers(sender.node())) {
                            endpointFaults.apply(sender, "qdisc", LinkFaults.limitSending(sender.iface(), rate));
                        }
                    }
                });
        journal.hold(key("faults"), "link " + label() + " faults", this::clear);
    }

    @Override
    public void delay(Duration delay, Duration jitter) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("delay_ms", String.valueOf(delay.toMillis()));
        params.put("jitter_ms", String.valueOf(jitter.toMillis()));
        journal.perform(FaultAction.LINK_DELAY, target(), params, subject(),
                "delays packets by " + delay.toMillis() + " ms ± " + jitter.toMillis() + " ms both ways", () -> {
                    for (Endpoint sender : spec.endpoints()) {
                        ExecResult result = endpointFaults.tryApply(sender, "qdisc",
                                LinkFaults.delaySending(sender.iface(), delay, jitter));
                        if (LinkFaults.kernelLacksNetem(result)) {
                            undoQdiscs(); // the first end may have had a delay before: leave the link as it was asked, not half-delayed
                            throw new UnsupportedFaultException("cannot delay link " + label()
                                    + ": this machine's kernel has no netem qdisc (tc said: "
                                    + result.output().strip() + ")");
                        }
                        EndpointFaults.check(sender.toString(), result);
                    }
                });
        journal.hold(key("faults"), "link " + label() + " faults", this::clear);
    }

    @Override
    public void clear() {
        journal.perform(FaultAction.LINK_CLEAR, target(), Map.of(), subject(),
                "no more drops, loss, rate limit or delay", () -> {
                    for (Endpoint endpoint : spec.endpoints()) {
                        endpointFaults.remove(endpoint, slot -> true, LinkFaults.clearInterface(endpoint.iface()));
                    }
                });
        journal.release(key("faults")::equals);
    }

    private void undoQdiscs() {
        for (Endpoint endpoint : spec.endpoints()) {
            endpointFaults.remove(endpoint, "qdisc"::equals, LinkFaults.removeQdisc(endpoint.iface()));
        }
    }

    private void requireOnLink(Direction direction) {
        direction.from().filter(node -> !spec.connects(node)).ifPresent(node -> {
            throw new IllegalArgumentException("link " + label() + " does not connect " + node
                    + "; traffic on it comes from " + spec.a().node() + " or " + spec.b().node());
        });
    }

    private Map<String, String> params(Direction direction) {
        Map<String, String> params = new LinkedHashMap<>();
        direction.from().ifPresent(node -> params.put("from", node));
        return params;
    }

    private List<String> target() {
        return List.of(spec.a().node(), spec.b().node());
    }

    private String label() {
        return spec.a() + " -- " + spec.b();
    }

    private String subject() {
        return "link " + label();
    }

    private String key(String what) {
        return "link " + label() + " " + what;
    }

    private ExecResult inNamespaceOf(Endpoint endpoint, String script) {
        ExecResult result = netns.run(nodes.get(endpoint.node()).containerId(), labLabels, CHANGE_TIMEOUT, script);
        if (!result.succeeded()) {
            throw new LabException("could not change " + endpoint.node() + ":" + endpoint.iface() + ": "
                    + result.output().strip());
        }
        return result;
    }
}
