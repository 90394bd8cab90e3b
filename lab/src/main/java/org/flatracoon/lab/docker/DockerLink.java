package org.flatracoon.lab.docker;

import java.time.Duration;
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

    DockerLink(LinkSpec spec, Map<String, DockerNode> nodes, Map<String, String> labLabels, NetnsHelper netns) {
        this.spec = spec;
        this.nodes = nodes;
        this.labLabels = labLabels;
        this.netns = netns;
    }

    @Override
    public LinkSpec spec() {
        return spec;
    }

    @Override
    public void down() {
        for (Endpoint endpoint : spec.endpoints()) {
            inNamespaceOf(endpoint, "ip link set dev " + endpoint.iface() + " down");
        }
    }

    @Override
    public void up() {
        for (Endpoint endpoint : spec.endpoints()) {
            inNamespaceOf(endpoint, "ip link set dev " + endpoint.iface() + " up\n"
                    + InterfaceWiring.restoreAddresses(endpoint));
        }
    }

    private void inNamespaceOf(Endpoint endpoint, String script) {
        ExecResult result = netns.run(nodes.get(endpoint.node()).containerId(), labLabels, CHANGE_TIMEOUT, script);
        if (!result.succeeded()) {
            throw new LabException("could not change " + endpoint.node() + ":" + endpoint.iface() + ": "
                    + result.output().strip());
        }
    }
}
