package org.flatracoon.lab.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;

/** A link between two nodes; going down takes both interfaces down, as a cut cable would. */
final class DockerLink implements LabLink {

    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(20);

    private final LinkSpec spec;
    private final Map<String, DockerNode> nodes;
    private final Map<String, String> labLabels;
    private final NetnsHelper netns;
    /** Static routes through an interface that is down, by endpoint ("a:eth1"); shared by the lab's links. */
    private final Map<String, List<String>> routesWhileDown;

    DockerLink(LinkSpec spec, Map<String, DockerNode> nodes, Map<String, String> labLabels, NetnsHelper netns,
            Map<String, List<String>> routesWhileDown) {
        this.spec = spec;
        this.nodes = nodes;
        this.labLabels = labLabels;
        this.netns = netns;
        this.routesWhileDown = routesWhileDown;
    }

    @Override
    public LinkSpec spec() {
        return spec;
    }

    @Override
    public void down() {
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
    }

    @Override
    public void up() {
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
