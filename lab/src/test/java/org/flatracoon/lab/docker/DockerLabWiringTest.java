package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flatracoon.lab.docker.NodeNetwork.globalAddresses;
import static org.flatracoon.lab.docker.TestLabs.awaitReply;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.probe.Ping.PingResult;
import org.flatracoon.lab.topology.Endpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One real lab (labs-it/wiring.clab.yml: a -- b -- c, and d alone) and what a user of it relies
 * on: interfaces named and addressed exactly as written, isolation between nodes that share no
 * link, link down/up, exec, and nothing left once it is closed. The tests share the lab: those
 * that only look come first (order 1), the link flap last (order 3).
 */
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerLabWiringTest {

    private static final String LAB = "it-wiring";
    /** a's routes towards c's link, from its startup commands, through the Docker bridge of a's own link. */
    private static final String A_TO_C_V4 = "203.0.113.0/27 via 198.51.100.30 dev eth1";
    private static final String A_TO_C_V6 = "2001:db8:113::/64 via 2001:db8:100:0:ffff:ffff:ffff:fffe dev eth1";

    private static RunningLab lab;

    @BeforeAll
    static void start() {
        lab = TestLabs.start("wiring.clab.yml");
    }

    @AfterAll
    static void closeLeavesNothing() {
        if (lab == null) {
            return;
        }
        lab.close();
        lab.close(); // idempotent
        assertThat(lab.leftovers()).isEmpty();
        assertThat(TestLabs.leftoversOfLab(LAB)).isEmpty();
    }

    @Test
    @Order(1)
    void interfacesHaveExactlyTheTopologysNamesAndAddresses() {
        assertThat(globalAddresses(lab.node("a"))).isEqualTo(Map.of(
                "eth1", List.of("198.51.100.1/27", "2001:db8:100::1/64")));
        // b's second link is named eth0, the name Docker gave its first interface: renamed via temp names
        assertThat(globalAddresses(lab.node("b"))).isEqualTo(Map.of(
                "lan0", List.of("198.51.100.2/27", "2001:db8:100::2/64"),
                "eth0", List.of("203.0.113.2/27", "2001:db8:113::2/64")));
        assertThat(globalAddresses(lab.node("c"))).isEqualTo(Map.of(
                "uplink", List.of("203.0.113.3/27", "2001:db8:113::3/64")));
    }

    @Test
    @Order(1)
    void ipv6AddressesAreUsableAtOnceWithoutDuplicateAddressDetection() {
        for (LabNode node : lab.nodes()) {
            NodeNetwork.addresses(node).stream()
                    .filter(address -> address.family().equals("inet6") && address.scope().equals("global"))
                    .forEach(address -> {
                        assertThat(address.flag("nodad")).as(node.name() + " " + address.cidr() + " nodad").isTrue();
                        assertThat(address.flag("tentative")).as(node.name() + " " + address.cidr() + " tentative")
                                .isFalse();
                    });
        }
    }

    @Test
    @Order(1)
    void linkInterfacesAreUp() {
        assertThat(NodeNetwork.operstates(lab.node("b")))
                .containsEntry("lan0", "UP")
                .containsEntry("eth0", "UP");
    }

    @Test
    @Order(1)
    void noNodeHasARouteOutOfTheLab() {
        for (LabNode node : lab.nodes()) {
            assertThat(NodeNetwork.routes(node, "-4")).as(node.name() + " IPv4 routes")
                    .noneMatch(route -> route.startsWith("default"));
            assertThat(NodeNetwork.routes(node, "-6")).as(node.name() + " IPv6 routes")
                    .noneMatch(route -> route.startsWith("default"));
        }
    }

    @Test
    @Order(1)
    void aNodeWithNoLinkStartsWithOnlyLoopback() {
        LabNode d = lab.node("d");
        assertThat(NodeNetwork.operstates(d)).containsOnlyKeys("lo");
        assertThat(d.exec("hostname").stdout().strip()).isEqualTo("d");
    }

    @Test
    @Order(1)
    void startupCommandsOfTheTopologyRan() {
        assertThat(NodeNetwork.routes(lab.node("a"), "-4")).contains(A_TO_C_V4);
        assertThat(NodeNetwork.routes(lab.node("a"), "-6")).anyMatch(route -> route.startsWith(A_TO_C_V6));
        assertThat(NodeNetwork.routes(lab.node("c"), "-4")).contains("198.51.100.0/27 via 203.0.113.30 dev uplink");
        assertThat(NodeNetwork.routes(lab.node("c"), "-6"))
                .anyMatch(route -> route.startsWith("2001:db8:100::/64 via 2001:db8:113:0:ffff:ffff:ffff:fffe dev uplink"));
    }

    @Test
    @Order(2)
    void nodesSharingNoLinkCannotReachEachOther() {
        LabNode a = lab.node("a");
        LabNode c = lab.node("c");
        // Neighbours do reach each other, so the silence below is isolation, not broken pings.
        awaitReply(a, "198.51.100.2");
        awaitReply(c, "203.0.113.2");

        // a and c each have a route to the other's subnet (startup commands), through the host's bridge:
        // the requests do go out, and nothing comes back.
        PingResult aToC = new Ping(a).send("203.0.113.3", 2);
        PingResult cToA = new Ping(c).send("198.51.100.1", 2);
        assertThat(aToC.transmitted()).as(aToC.output()).isEqualTo(2);
        assertThat(aToC.received()).as(aToC.output()).isZero();
        assertThat(cToA.transmitted()).as(cToA.output()).isEqualTo(2);
        assertThat(cToA.received()).as(cToA.output()).isZero();
        // b's address on the far link is not reachable from a either: b does not route
        assertThat(new Ping(a).send("203.0.113.2", 2).anyReply()).isFalse();
    }

    @Test
    @Order(2)
    void nodesSharingNoLinkCannotReachEachOtherOverIpv6() {
        LabNode a = lab.node("a");
        awaitReply(a, "2001:db8:100::2");

        PingResult aToC = new Ping(a).send("2001:db8:113::3", 2);
        assertThat(aToC.transmitted()).as(aToC.output()).isEqualTo(2);
        assertThat(aToC.received()).as(aToC.output()).isZero();
    }

    @Test
    @Order(2)
    void execReturnsExitCodeStdoutAndStderrSeparately() {
        ExecResult result = lab.node("b").exec("sh", "-c", "echo to-stdout; echo to-stderr >&2; exit 7");
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo("to-stdout\n");
        assertThat(result.stderr()).isEqualTo("to-stderr\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    @Order(2)
    void execReportsEveryExitCodeReliably() {
        // Many short commands in a row: an exit code read before Docker recorded it would show as -1.
        LabNode b = lab.node("b");
        for (int i = 0; i < 25; i++) {
            assertThat(b.exec("sh", "-c", "exit " + (i % 4)).exitCode()).as("run " + i).isEqualTo(i % 4);
        }
    }

    @Test
    @Order(2)
    void execOfACommandThatOutlivesItsTimeoutSaysSo() {
        ExecResult result = lab.node("b").exec(Duration.ofSeconds(1), "sleep", "30");
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.stderr()).contains("did not finish within 1 s").contains("sleep 30");
    }

    @Test
    @Order(2)
    void unknownNodesAndLinksAreNamedInTheError() {
        assertThat(lab.nodes()).extracting(LabNode::name).containsExactly("a", "b", "c", "d");
        assertThatThrownBy(() -> lab.node("z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'z'")
                .hasMessageContaining("[a, b, c, d]");
        assertThatThrownBy(() -> lab.link("a", "c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no link between a and c");
    }

    @Test
    @Order(3)
    void linkDownCutsBothFamiliesAndUpRestoresThem() {
        LabNode a = lab.node("a");
        LabNode b = lab.node("b");
        awaitReply(a, "198.51.100.2");
        awaitReply(a, "2001:db8:100::2");

        LabLink link = lab.link("b", "a");
        assertThat(link.spec().endpoints()).extracting(Endpoint::toString).containsExactly("a:eth1", "b:lan0");
        link.down();
        try {
            assertThat(NodeNetwork.operstates(a)).containsEntry("eth1", "DOWN");
            assertThat(NodeNetwork.operstates(b)).containsEntry("lan0", "DOWN").containsEntry("eth0", "UP");
            assertThat(new Ping(a).send("198.51.100.2", 2).anyReply()).isFalse();
            assertThat(new Ping(a).send("2001:db8:100::2", 2).anyReply()).isFalse();
            assertThat(new Ping(b).send("198.51.100.1", 2).anyReply()).isFalse();
            // b's other link is not affected
            assertThat(new Ping(b).send("203.0.113.3", 2).anyReply()).isTrue();
        } finally {
            link.up();
        }
        awaitReply(a, "198.51.100.2");
        awaitReply(a, "2001:db8:100::2");
        awaitReply(b, "2001:db8:100::1");
        assertThat(globalAddresses(a)).isEqualTo(Map.of("eth1", List.of("198.51.100.1/27", "2001:db8:100::1/64")));
        assertThat(globalAddresses(b)).containsEntry("lan0", List.of("198.51.100.2/27", "2001:db8:100::2/64"));
        // as after a real carrier loss, the static routes through the link work again
        assertThat(NodeNetwork.routes(a, "-4")).contains(A_TO_C_V4);
        assertThat(NodeNetwork.routes(a, "-6")).anyMatch(route -> route.startsWith(A_TO_C_V6));
    }
}
