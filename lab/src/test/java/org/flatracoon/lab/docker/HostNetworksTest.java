package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab whose subnets overlap the machine's own networks is refused before anything is created. */
class HostNetworksTest {

    @TempDir
    Path dir;

    private static IpPrefix hostPrefix() {
        var prefix = HostPrefix.find();
        assumeTrue(prefix.isPresent(), "this machine has no non-loopback IPv4 network with room for two hosts");
        return prefix.get();
    }

    @Test
    void aLinkInTheMachinesOwnSubnetIsRefusedNamingLinkAndNetwork() {
        IpPrefix host = hostPrefix();
        Topology topology = TestLabs.load(HostPrefix.topologyUsing(dir, "it-hostnet", host));

        assertThatThrownBy(() -> HostNetworks.refuseOverlaps(topology))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("lab it-hostnet would clash with this machine's own networks")
                .hasMessageContaining("link a:eth1 -- b:eth1 uses " + host + ", which overlaps this machine's network " + host)
                .hasMessageContaining("choose other subnets");
    }

    @Test
    void aLinkSubnetThatContainsTheMachinesNetworkIsRefusedToo() {
        IpPrefix host = hostPrefix();
        assumeTrue(host.length() > 8, "the host network is already very wide");
        IpPrefix wider = new IpPrefix(host.network(), host.length() - 1);
        Topology topology = TestLabs.load(HostPrefix.topologyUsing(dir, "it-hostnet-wide", wider));

        assertThatThrownBy(() -> HostNetworks.refuseOverlaps(topology))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("uses " + wider + ", which overlaps this machine's network " + host);
    }

    @Test
    void documentationSubnetsTheMachineDoesNotUseAreAccepted() {
        IpPrefix lab = IpPrefix.parse("198.51.100.96/27");
        assumeTrue(HostPrefix.find().map(host -> !host.overlaps(lab)).orElse(true),
                "this machine itself uses " + lab);
        Topology topology = TestLabs.load(HostPrefix.topologyUsing(dir, "it-hostnet-ok", lab));

        assertThatCode(() -> HostNetworks.refuseOverlaps(topology)).doesNotThrowAnyException();
        assertThat(topology.links()).hasSize(1);
    }
}
