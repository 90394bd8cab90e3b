package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The overlay probes read the controller's API and the agent's /health and /metrics into values.
 * The fixtures under overlay/ are shaped as ZeroTier's controller API and the agent's README say.
 */
class OverlayProbesTest {

    private static String fixture(String name) {
        try (InputStream in = OverlayProbesTest.class.getResourceAsStream("/overlay/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeNode controllerAnswering(String body, int status) {
        return new FakeNode("ctl").answers("curl", FakeNode.ok(body + "\n" + status));
    }

    @Test
    void readsAMemberWithItsAuthorisationAndAddresses() {
        FakeNode node = controllerAnswering(fixture("controller-member.json"), 200);
        OverlayController.Member member = new OverlayController(node, 9993, "t0ken").member("8056c2e21c000001", "3a91b7c2e4");

        assertThat(member.address()).isEqualTo("3a91b7c2e4");
        assertThat(member.authorised()).isTrue();
        assertThat(member.ipAssignments()).containsExactly("198.51.100.130", "2001:db8:a1::3a91:b7c2:e4");
        assertThat(member.advertisedRoutes()).containsExactly("198.51.100.192/28", "2001:db8:a2:1:0:0:0:0/64");
        assertThat(node.commands().get(0)).contains("X-ZT1-Auth: t0ken",
                "http://127.0.0.1:9993/controller/network/8056c2e21c000001/member/3a91b7c2e4");
    }

    @Test
    void deauthorisingPostsTheFlagAndReadsTheAnswer() {
        FakeNode node = controllerAnswering(fixture("controller-member.json").replace("\"authorized\":true", "\"authorized\":false"), 200);
        OverlayController.Member member = new OverlayController(node, 9993, "t").deauthorise("8056c2e21c000001", "3a91b7c2e4");

        assertThat(member.authorised()).isFalse();
        List<String> curl = node.commands().get(0);
        assertThat(curl).containsSubsequence("-X", "POST").contains("{\"authorized\":false}");
    }

    @Test
    void readsTheNetworksManagedRoutesIncludingThoseViaAMember() {
        OverlayController.Network network = new OverlayController(controllerAnswering(fixture("controller-network.json"), 200),
                9993, "t").network("8056c2e21c000001");

        assertThat(network.isPrivate()).isTrue();
        assertThat(network.routes()).containsExactly(new OverlayController.Route("198.51.100.128/26", null),
                new OverlayController.Route("2001:db8:a1::/64", null),
                new OverlayController.Route("198.51.100.192/28", "198.51.100.130"));
    }

    @Test
    void listsNetworksAndMembers() {
        assertThat(new OverlayController(controllerAnswering("[\"8056c2e21c000001\"]", 200), 9993, "t").onlyNetwork())
                .isEqualTo("8056c2e21c000001");
        assertThat(new OverlayController(controllerAnswering("{\"3a91b7c2e4\":3,\"5be2710a93\":1}", 200), 9993, "t")
                .members("8056c2e21c000001")).containsExactly("3a91b7c2e4", "5be2710a93");
    }

    @Test
    void aRefusedRequestSaysWhichRequestAndWhatTheControllerAnswered() {
        OverlayController controller = new OverlayController(controllerAnswering("{\"error\":\"bad token\"}", 401), 9993, "wrong");
        assertThatThrownBy(() -> controller.member("8056c2e21c000001", "3a91b7c2e4"))
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("GET /controller/network/8056c2e21c000001/member/3a91b7c2e4")
                .hasMessageContaining("HTTP 401").hasMessageContaining("bad token");
    }

    @Test
    void aControllerWithTwoNetworksIsNotTakenForTheLabsOne() {
        OverlayController controller = new OverlayController(
                controllerAnswering("[\"8056c2e21c000001\",\"8056c2e21c000002\"]", 200), 9993, "t");
        assertThatThrownBy(controller::onlyNetwork).hasMessageContaining("2 networks");
    }

    @Test
    void readsTheAgentsStatusAddressesAndPeerPaths() {
        FakeNode node = new FakeNode("n1").answers("curl", FakeNode.ok(fixture("agent-health.json")));
        OverlayAgent.Status status = new OverlayAgent(node, 9994).status();

        assertThat(status.address()).isEqualTo("3a91b7c2e4");
        assertThat(status.ok()).isTrue();
        assertThat(status.network()).isEqualTo("bec317fcfe000001");
        assertThat(status.controllerReachable()).isTrue();
        assertThat(status.address(4)).contains("198.51.100.130");
        assertThat(status.address(6)).contains("2001:db8:a1::3");
        assertThat(status.routes()).containsExactly(new OverlayController.Route("198.51.100.208/28", "198.51.100.131"),
                new OverlayController.Route("2001:db8:a2:2:0:0:0:0/64", "2001:db8:a1:0:0:0:0:4"));
        assertThat(status.peer("5be2710a93").orElseThrow().direct()).isTrue();
        assertThat(status.peer("c0ffee0001").orElseThrow().relayed()).isTrue();
        OverlayAgent.Peer noSession = status.peer("d00d00d00d").orElseThrow();
        assertThat(noSession.direct() || noSession.relayed()).isFalse();
        assertThat(status.peer("0000000000")).isEmpty();
        assertThat(node.commands().get(0)).contains("http://127.0.0.1:9994/status");
    }

    @Test
    void anAgentWaitingForAuthorisationHasNoAddresses() {
        String waiting = "{\"ready\":false,\"status\":\"ACCESS_DENIED\",\"address\":\"c0ffee0001\","
                + "\"network\":\"bec317fcfe000001\",\"controllerReachable\":true,\"assignedAddresses\":[],\"peers\":[]}";
        OverlayAgent.Status status = new OverlayAgent(new FakeNode("x").answers("curl", FakeNode.ok(waiting)), 9994).status();

        assertThat(status.ok()).isFalse();
        assertThat(status.status()).isEqualTo("ACCESS_DENIED");
        assertThat(status.address(4)).isEmpty();
        assertThat(status.address(6)).isEmpty();
    }

    @Test
    void aHealthAnswerThatIsNotTheAgentsIsAnErrorNamingTheNode() {
        FakeNode node = new FakeNode("n2").answers("curl", FakeNode.ok("<html>oops</html>"));
        assertThatThrownBy(() -> new OverlayAgent(node, 9994).status())
                .isInstanceOf(ProbeException.class).hasMessageContaining("n2").hasMessageContaining("not JSON");
    }

    @Test
    void countsDropsPerReason() {
        FakeNode node = new FakeNode("n2").answers("curl", FakeNode.ok(fixture("agent-metrics.txt")));
        assertThat(new OverlayAgent(node, 9994).drops())
                .containsEntry("bad_tag", 2.0).containsEntry("replay", 1.0).containsEntry("not_member", 4.0)
                .hasSize(3);
    }
}
