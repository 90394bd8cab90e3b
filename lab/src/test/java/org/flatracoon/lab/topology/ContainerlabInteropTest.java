package org.flatracoon.lab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import org.flatracoon.lab.kind.KindRegistry;
import org.junit.jupiter.api.Test;

/**
 * A containerlab topology with `linux` nodes and brief-form links loads unchanged, with the
 * lab's real kinds; containerlab settings this lab does not implement are each named with their
 * line rather than ignored.
 */
class ContainerlabInteropTest {

    private static final Path DIR = Fixtures.folder("containerlab");
    private static final TopologyLoader LOADER = new TopologyLoader(KindRegistry.standard());

    @Test
    void aPlainContainerlabFileWithLinuxNodesAndBriefLinksLoadsAsWritten() throws TopologyException {
        Topology lab = LOADER.load(DIR.resolve("linux-brief.clab.yml"));

        assertThat(lab.name()).isEqualTo("faults-clab");
        assertThat(lab.nodes()).extracting(NodeSpec::name, NodeSpec::kind, NodeSpec::image).containsExactly(
                org.assertj.core.groups.Tuple.tuple("srv", "linux", "flatracoon/host:0.1.0"),
                org.assertj.core.groups.Tuple.tuple("client", "linux", "flatracoon/host:0.1.0"));
        assertThat(lab.node("srv").orElseThrow().exec()).containsExactly("ip addr add 198.51.100.185/29 dev eth1");
        assertThat(lab.links()).singleElement().satisfies(link -> {
            assertThat(link.a()).isEqualTo(new Endpoint("srv", "eth1", Optional.empty(), Optional.empty()));
            assertThat(link.b()).isEqualTo(new Endpoint("client", "eth1", Optional.empty(), Optional.empty()));
        });
    }

    @Test
    void containerlabSettingsThisLabDoesNotImplementAreEachNamedWithTheirLine() {
        TopologyException refused = catchThrowableOfType(
                () -> LOADER.load(DIR.resolve("with-unsupported-keys.clab.yml")), TopologyException.class);

        String file = "with-unsupported-keys.clab.yml";
        assertThat(refused.problems()).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "4: key 'prefix' in the top level is not supported by this lab (supported here: name, topology)",
                "5: key 'mgmt' in the top level is not supported by this lab (supported here: name, topology)",
                "13: key 'mgmt-ipv4' in topology.nodes.srv is not supported by this lab (supported here: binds, dns, env, exec, image, kind, labels, startup-config)",
                "14: key 'ports' in topology.nodes.srv is not supported by this lab (supported here: binds, dns, env, exec, image, kind, labels, startup-config)",
                "16: key 'startup-delay' in topology.nodes.srv is not supported by this lab (supported here: binds, dns, env, exec, image, kind, labels, startup-config)",
                "22: key 'network-mode' in topology.nodes.client is not supported by this lab (supported here: binds, dns, env, exec, image, kind, labels, startup-config)",
                "27: key 'mtu' in a link is not supported by this lab (supported here: endpoints, ipv4, ipv6)");
        assertThat(refused.getMessage()).contains(file + ":14: key 'ports'");
    }
}
