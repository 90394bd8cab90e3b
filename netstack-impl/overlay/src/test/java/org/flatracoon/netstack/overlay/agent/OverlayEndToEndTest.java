package org.flatracoon.netstack.overlay.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.overlay.config.AgentSettings;
import org.flatracoon.netstack.overlay.config.ControllerSettings;
import org.flatracoon.netstack.overlay.controller.ControllerServer;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller and member agents in one JVM over real loopback UDP and HTTP; TAPs and `ip` are in-memory fakes.
 * What a frame put into one member's TAP does is what the test observes at the other members' TAPs.
 */
class OverlayEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Duration PROBE = Duration.ofMillis(100);
    @TempDir
    Path dir;
    private ControllerServer controller;
    private final List<Member> members = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private String nwid;
    private int controllerHttp;
    private int controllerUdp;

    private record Member(Agent agent, FakeHost host, FilteringDatagrams udp) {
        long mac(NetworkId nwid) {
            return MacAddress.of(agent.identity().address(), nwid);
        }

        String address() {
            return agent.identity().address().toString();
        }

        FakeHost.FakePort port() {
            return host.port;
        }
    }

    @AfterEach
    void stop() {
        members.forEach(m -> m.agent().close());
        if (controller != null) {
            controller.close();
        }
    }

    private void startController() throws Exception {
        controller = ControllerServer.start(new ControllerSettings(dir.resolve("controller"),
                InetAddress.getLoopbackAddress(), 0, 0, Optional.of("test-token-1234")));
        controllerHttp = controller.httpPort();
        controllerUdp = controller.udpPort();
        nwid = api("POST", "/controller/network/" + controller.controller().identity().address() + "______",
                "{'name':'lab','v4AssignMode':{'zt':true},'v6AssignMode':{'rfc4193':true},"
                        + "'routes':[{'target':'198.51.100.0/24','via':null}],"
                        + "'ipAssignmentPools':[{'ipRangeStart':'198.51.100.1','ipRangeEnd':'198.51.100.200'}]}")
                .get("id").asText();
    }

    private JsonNode api(String method, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + controller.httpPort() + path)).header("X-ZT1-Auth", "test-token-1234")
                .method(method, HttpRequest.BodyPublishers.ofString(body.replace('\'', '"'))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private Member join(String name, String... podSubnets) throws Exception {
        return join(name, 0, podSubnets);
    }

    private Member join(String name, int udpPort, String... podSubnets) throws Exception {
        return join(name, udpPort, null, false, podSubnets);
    }

    /** A member; {@code relayVia} is a designated root to relay through instead of the controller. */
    private Member join(String name, int udpPort, Member relayVia, boolean root, String... podSubnets)
            throws Exception {
        FakeHost host = new FakeHost();
        FilteringDatagrams udp = new FilteringDatagrams(udpPort);
        InetSocketAddress relay = new InetSocketAddress("127.0.0.1", relayVia == null ? controllerUdp
                : relayVia.agent().udpPort());
        AgentSettings settings = new AgentSettings(dir.resolve(name), NetworkId.parse(nwid),
                new InetSocketAddress("127.0.0.1", controllerHttp), Optional.of(relay), 0, 0, "zt0",
                List.of(InetAddress.getLoopbackAddress()),
                java.util.Arrays.stream(podSubnets).map(Cidr::parse).toList(), Duration.ofMillis(200),
                Optional.ofNullable(relayVia).map(m -> m.agent().identity().address()), root);
        Member m = new Member(Agent.start(settings, host, udp, PROBE), host, udp);
        members.add(m);
        return m;
    }

    private void authorise(Member m, boolean authorised) throws Exception {
        await().atMost(BUDGET).until(() -> !m.agent().status().equals("REQUESTING_CONFIGURATION"));
        api("POST", "/controller/network/" + nwid + "/member/" + m.address(), "{'authorized':" + authorised + "}");
    }

    private Member authorisedMember(String name, String... pods) throws Exception {
        Member m = join(name, pods);
        authorise(m, true);
        await().atMost(BUDGET).until(() -> m.agent().status().equals("OK"));
        return m;
    }

    private byte[] frame(Member from, long dstMac, String payload) {
        byte[] text = payload.getBytes();
        byte[] f = new byte[14 + text.length];
        for (int i = 0; i < 6; i++) {
            f[i] = (byte) (dstMac >>> (40 - 8 * i));
            f[6 + i] = (byte) (from.mac(NetworkId.parse(nwid)) >>> (40 - 8 * i));
        }
        f[12] = 0x08;
        System.arraycopy(text, 0, f, 14, text.length);
        return f;
    }

    /** Sends frames until one arrives (sessions come up asynchronously); true if one did within the budget. */
    private boolean reaches(Member from, Member to, String payload) throws Exception {
        byte[] f = frame(from, to.mac(NetworkId.parse(nwid)), payload);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            from.port().fromKernel.add(f);
            for (byte[] got : to.port().delivered(100)) {
                if (java.util.Arrays.equals(got, f)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean nothingArrives(Member from, Member to, String payload) throws Exception {
        byte[] f = frame(from, to.mac(NetworkId.parse(nwid)), payload);
        for (int i = 0; i < 10; i++) {
            from.port().fromKernel.add(f);
        }
        return to.port() == null || to.port().delivered(1000).stream().noneMatch(g -> java.util.Arrays.equals(g, f));
    }

    @Test
    void authorisedMembersGetAddressesAndExchangeFramesDirectly() throws Exception {
        startController();
        Member a = join("a");
        Member b = join("b");
        await().atMost(BUDGET).until(() -> a.agent().status().equals("ACCESS_DENIED"));
        assertThat(a.port()).as("no TAP before authorisation").isNull();
        authorise(a, true);
        authorise(b, true);
        await().atMost(BUDGET).until(() -> a.agent().status().equals("OK") && b.agent().status().equals("OK"));

        assertThat(a.host().addresses).anyMatch(x -> x.startsWith("198.51.100.") && x.endsWith("/24"))
                .anyMatch(x -> x.startsWith("fd") && x.endsWith("/88"));
        assertThat(a.host().up).isTrue();
        assertThat(a.host().mtu).isEqualTo(2800);
        assertThat(reaches(a, b, "unicast a to b")).isTrue();
        assertThat(reaches(b, a, "unicast b to a")).isTrue();
        byte[] broadcast = frame(a, 0xffff_ffff_ffffL, "who has");
        a.port().fromKernel.add(broadcast);
        assertThat(b.port().delivered(2000)).anyMatch(g -> java.util.Arrays.equals(g, broadcast));
        await().atMost(BUDGET).until(() -> b.agent().health().toString().contains("path=direct"));
        assertThat(b.agent().metrics().rxPackets(true)).isPositive();
        assertThat(b.agent().health().get("ready")).isEqualTo(true);
    }

    @Test
    void unauthorisedMemberReachesNothingAndIsReachedByNothing() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        Member stranger = join("stranger");
        await().atMost(BUDGET).until(() -> stranger.agent().status().equals("ACCESS_DENIED"));
        assertThat(reaches(a, b, "members talk")).isTrue();
        assertThat(stranger.port()).isNull();
        assertThat(nothingArrives(a, stranger, "to the stranger")).isTrue();
        await().atMost(BUDGET).until(() -> a.agent().metrics().drops(Drop.NO_ROUTE) > 0);
    }

    @Test
    void deauthorisedMemberIsCutOffWithinTheConfigPoll() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        assertThat(reaches(a, b, "before")).isTrue();
        authorise(b, false);
        await().atMost(BUDGET).until(() -> b.agent().status().equals("ACCESS_DENIED"));
        await().atMost(BUDGET).until(() -> a.agent().health().get("peers").toString().equals("[]"));
        assertThat(b.host().addresses).isEmpty();
        assertThat(nothingArrives(a, b, "after")).isTrue();
        assertThat(nothingArrives(b, a, "from the deauthorised")).isTrue();
    }

    @Test
    void blockedDirectPathFallsBackToTheRelayAndReturns() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        assertThat(reaches(a, b, "direct")).isTrue();
        await().atMost(BUDGET).until(() -> a.agent().health().toString().contains("path=direct"));

        a.udp().blockedPorts.add(b.agent().udpPort());
        b.udp().blockedPorts.add(a.agent().udpPort());
        await().atMost(BUDGET).until(() -> a.agent().health().toString().contains("path=relay"));
        double relayedBefore = b.agent().metrics().rxPackets(false);
        assertThat(reaches(a, b, "relayed a to b")).isTrue();
        assertThat(reaches(b, a, "relayed b to a")).isTrue();
        assertThat(b.agent().metrics().rxPackets(false)).isGreaterThan(relayedBefore);

        a.udp().blockedPorts.clear();
        b.udp().blockedPorts.clear();
        await().atMost(BUDGET).until(() -> a.agent().health().toString().contains("path=direct")
                && b.agent().health().toString().contains("path=direct"));
        assertThat(reaches(a, b, "direct again")).isTrue();
    }

    @Test
    void aDesignatedRootRelaysWhenTheDirectPathIsBlocked() throws Exception {
        startController();
        Member root = join("root", 0, null, true);
        authorise(root, true);
        Member a = join("a", 0, root, false);
        Member b = join("b", 0, root, false);
        authorise(a, true);
        authorise(b, true);
        await().atMost(BUDGET).until(() -> a.agent().status().equals("OK") && b.agent().status().equals("OK"));
        assertThat(reaches(a, b, "direct")).isTrue();
        await().atMost(BUDGET).until(() -> a.agent().health().get("relayReachable").equals(true));

        a.udp().blockedPorts.add(b.agent().udpPort());
        b.udp().blockedPorts.add(a.agent().udpPort());
        await().atMost(BUDGET).until(() -> a.agent().health().toString().contains("path=relay"));
        assertThat(reaches(a, b, "through the root, a to b")).isTrue();
        assertThat(reaches(b, a, "through the root, b to a")).isTrue();
        assertThat(root.agent().metrics().relayed()).isPositive();
    }

    @Test
    void membersKeepTalkingWhileTheControllerIsDown() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        assertThat(reaches(a, b, "before")).isTrue();
        controller.close();
        controller = null;
        await().atMost(BUDGET).until(() -> a.agent().health().get("controllerReachable").equals(false));
        assertThat(reaches(a, b, "controller down, a to b")).isTrue();
        assertThat(reaches(b, a, "controller down, b to a")).isTrue();
        assertThat(a.agent().status()).isEqualTo("OK");
    }

    @Test
    void aMemberRestartedWhileTheControllerIsDownComesBackWithItsSavedConfig() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        assertThat(reaches(a, b, "before")).isTrue();
        controller.close();
        controller = null;
        int port = a.agent().udpPort();
        a.agent().close();
        members.remove(a);
        Member again = join("a", port);
        await().atMost(BUDGET).until(() -> again.agent().status().equals("OK"));
        assertThat(again.host().addresses).isEqualTo(a.host().addresses);
        assertThat(reaches(again, b, "after the restart, a to b")).isTrue();
        assertThat(reaches(b, again, "after the restart, b to a")).isTrue();
    }

    @Test
    void podSubnetIsRoutedViaTheMemberThatAdvertisesIt() throws Exception {
        startController();
        Member a = authorisedMember("a", "10.244.1.0/24");
        Member b = authorisedMember("b", "10.244.2.0/24");
        String aIp = a.host().addresses.stream().filter(x -> x.startsWith("198.")).findFirst().orElseThrow()
                .replace("/24", "");
        await().atMost(BUDGET).until(() -> b.host().routes.contains("10.244.1.0/24 via " + aIp));
        assertThat(a.host().routes).noneMatch(r -> r.startsWith("10.244.1.0/24"));
    }

    @Test
    void forgedReplayedAndStrangersPacketsAreDroppedAndCounted() throws Exception {
        startController();
        Member a = authorisedMember("a");
        Member b = authorisedMember("b");
        assertThat(reaches(a, b, "genuine")).isTrue();
        byte[] captured = a.udp().lastData.clone();
        InetSocketAddress bAddr = new InetSocketAddress("127.0.0.1", b.agent().udpPort());
        try (DatagramChannel attacker = DatagramChannel.open()) {
            attacker.send(ByteBuffer.wrap(captured), bAddr);
            await().atMost(BUDGET).until(() -> b.agent().metrics().drops(Drop.REPLAY) >= 1);

            byte[] forged = captured.clone();
            forged[forged.length - 20] ^= 0x40;
            forged[21] ^= 0x01; // a fresh counter, so it gets past the replay window
            attacker.send(ByteBuffer.wrap(forged), bAddr);
            await().atMost(BUDGET).until(() -> b.agent().metrics().drops(Drop.BAD_TAG) >= 1);

            byte[] stranger = captured.clone();
            stranger[7] ^= 0x55; // another source address
            attacker.send(ByteBuffer.wrap(stranger), bAddr);
            await().atMost(BUDGET).until(() -> b.agent().metrics().drops(Drop.UNKNOWN_PEER) >= 1);

            attacker.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), bAddr);
            await().atMost(BUDGET).until(() -> b.agent().metrics().drops(Drop.MALFORMED) >= 1);
        }
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + b.agent().httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("overlay_drops_total{reason=\"replay\"} 1.0",
                "overlay_drops_total{reason=\"bad_tag\"} 1.0", "overlay_peers{path=\"direct\"} 1.0");
        assertThat(reaches(a, b, "still fine")).isTrue();
    }
}
