package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.NodeSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The script that gives a container's interfaces the topology's names and exactly its addresses. */
class InterfaceWiringTest {

    private static Endpoint endpoint(String iface, String ipv4, String ipv6) {
        return new Endpoint("w", iface, Optional.ofNullable(ipv4).map(InterfaceAddress::parse),
                Optional.ofNullable(ipv6).map(InterfaceAddress::parse));
    }

    @Nested
    class ScriptText {

        private final List<String> lines = InterfaceWiring.script(List.of(
                new InterfaceWiring.Attachment("198.51.100.129", endpoint("eth1", "198.51.100.140/27", "2001:db8:128::40/64")),
                new InterfaceWiring.Attachment("203.0.113.129", endpoint("eth0", "203.0.113.140/27", null))))
                .lines().toList();

        @Test
        void stopsAtTheFirstFailure() {
            assertThat(lines.get(0)).isEqualTo("set -e");
        }

        @Test
        void movesEveryInterfaceToATemporaryNameBeforeGivingAnyItsFinalName() {
            // eth1 is wanted for Docker's eth0 and eth0 for Docker's eth1: a direct rename would collide.
            assertThat(lines).containsSubsequence(
                    "d=$(dev_with 198.51.100.129)",
                    "ip link set dev \"$d\" down",
                    "ip link set dev \"$d\" name flrtmp0",
                    "d=$(dev_with 203.0.113.129)",
                    "ip link set dev \"$d\" down",
                    "ip link set dev \"$d\" name flrtmp1",
                    "ip link set dev flrtmp0 name eth1",
                    "ip link set dev flrtmp1 name eth0");
        }

        @Test
        void flushesDockersAddressesThenAddsExactlyTheDeclaredOnesThenBringsTheLinkUp() {
            assertThat(lines).containsSubsequence(
                    "ip link set dev flrtmp0 name eth1",
                    "ip addr flush dev eth1 scope global",
                    "ip addr add 198.51.100.140/27 dev eth1",
                    "ip -6 addr add 2001:db8:128::40/64 dev eth1 nodad",
                    "ip link set dev eth1 up",
                    "ip link set dev flrtmp1 name eth0",
                    "ip addr flush dev eth0 scope global",
                    "ip addr add 203.0.113.140/27 dev eth0",
                    "ip link set dev eth0 up");
            assertThat(lines).filteredOn(line -> line.contains(" addr add ")).hasSize(3);
            assertThat(lines).noneMatch(line -> line.contains("ip addr add 203.0.113.140/27") && line.contains("nodad"));
        }

        @Test
        void failsWithAMessageWhenNoInterfaceHasDockersAddress() {
            assertThat(lines).contains(
                    "[ -n \"$d\" ] || { echo \"no interface has the address 198.51.100.129 Docker assigned\" >&2; exit 1; }");
        }

        @Test
        void restoringReplacesTheDeclaredAddressesIpv6WithoutDad() {
            assertThat(InterfaceWiring.restoreAddresses(endpoint("lan0", "198.51.100.2/27", "2001:db8:100::2/64")).lines())
                    .containsExactly("set -e",
                            "ip addr replace 198.51.100.2/27 dev lan0",
                            "ip -6 addr replace 2001:db8:100::2/64 dev lan0 nodad");
        }
    }

    /**
     * The script run for real, as the backend runs it (a helper container in the node's network
     * namespace), on a throwaway container Docker attached to two networks with addresses of its choosing.
     */
    @Nested
    @RequiresDocker
    class RunInAContainer {

        private static final String LAB = "it-wiring-script";

        @Test
        void renamesSwappedInterfacesAndLeavesExactlyTheDeclaredAddresses() {
            DockerClient docker = TestLabs.docker();
            String runId = UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> labels = LabLabels.forLab(LAB, runId, LabOwner.TEST_RUN, "InterfaceWiringTest");
            try {
                String first = network(docker, labels, "1", "198.51.100.128/27", "198.51.100.158",
                        "2001:db8:128::/64", "2001:db8:128::fffe");
                String second = network(docker, labels, "2", "203.0.113.128/27", "203.0.113.158", null, null);
                String id = docker.createContainerCmd(TestLabs.HOST_IMAGE)
                        .withName("flr-" + LAB + "-" + runId)
                        .withLabels(labels)
                        .withHostConfig(HostConfig.newHostConfig()
                                .withNetworkMode(first)
                                .withSysctls(Map.of("net.ipv6.conf.all.disable_ipv6", "0")))
                        .exec().getId();
                docker.connectToNetworkCmd().withContainerId(id).withNetworkId(second).exec();
                docker.startContainerCmd(id).exec();
                Map<String, ContainerNetwork> assigned = docker.inspectContainerCmd(id).exec()
                        .getNetworkSettings().getNetworks();
                DockerNode node = new DockerNode(docker, new NodeSpec("w", "host", TestLabs.HOST_IMAGE, Optional.empty(),
                        List.of(), Map.of(), List.of(), List.of(), List.of(), Map.of()), id, null, null, null);
                // Docker named them eth0 (first) and eth1 (second), with addresses of its own choosing.
                assertThat(NodeNetwork.globalAddresses(node)).containsOnlyKeys("eth0", "eth1");

                String script = InterfaceWiring.script(List.of(
                        new InterfaceWiring.Attachment(assigned.get(first).getIpAddress(),
                                endpoint("eth1", "198.51.100.140/27", "2001:db8:128::40/64")),
                        new InterfaceWiring.Attachment(assigned.get(second).getIpAddress(),
                                endpoint("eth0", "203.0.113.140/27", null))));
                ExecResult result = new NetnsHelper(docker).run(id, labels, Duration.ofSeconds(30), script);

                assertThat(result.exitCode()).as(result.output()).isZero();
                assertThat(NodeNetwork.globalAddresses(node)).isEqualTo(Map.of(
                        "eth1", List.of("198.51.100.140/27", "2001:db8:128::40/64"),
                        "eth0", List.of("203.0.113.140/27")));
                assertThat(NodeNetwork.operstates(node)).containsEntry("eth0", "UP").containsEntry("eth1", "UP");
                assertThat(NodeNetwork.addresses(node))
                        .filteredOn(address -> address.cidr().equals("2001:db8:128::40/64"))
                        .singleElement()
                        .satisfies(address -> assertThat(address.flag("nodad")).isTrue());

                // An address no interface has: the script stops with a message and changes nothing.
                ExecResult wrong = new NetnsHelper(docker).run(id, labels, Duration.ofSeconds(30), InterfaceWiring.script(
                        List.of(new InterfaceWiring.Attachment("198.51.100.150", endpoint("x0", "198.51.100.141/27", null)))));
                assertThat(wrong.exitCode()).isEqualTo(1);
                assertThat(wrong.stderr()).contains("no interface has the address 198.51.100.150 Docker assigned");
                assertThat(NodeNetwork.globalAddresses(node)).containsOnlyKeys("eth0", "eth1");
            } finally {
                TestLabs.inventory().removeRun(runId);
            }
            assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();
        }

        private static String network(DockerClient docker, Map<String, String> labels, String suffix, String subnet,
                String gateway, String ipv6Subnet, String ipv6Gateway) {
            String name = "flr-" + LAB + "-" + labels.get(LabLabels.RUN) + "-" + suffix;
            List<Network.Ipam.Config> configs = new java.util.ArrayList<>();
            configs.add(new Network.Ipam.Config().withSubnet(subnet).withGateway(gateway));
            if (ipv6Subnet != null) {
                configs.add(new Network.Ipam.Config().withSubnet(ipv6Subnet).withGateway(ipv6Gateway));
            }
            docker.createNetworkCmd().withName(name).withDriver("bridge").withInternal(true)
                    .withEnableIpv6(ipv6Subnet != null)
                    .withIpam(new Network.Ipam().withConfig(configs))
                    .withLabels(new LinkedHashMap<>(labels))
                    .exec();
            return name;
        }
    }
}
