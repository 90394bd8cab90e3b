package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.probe.OverlayAgent;
import org.flatracoon.lab.probe.OverlayController;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/** Steps about the overlay: members joining, being authorised or cut off, paths, pods. */
public final class OverlaySteps {

    private final LabWorld world;
    private final OverlayLab overlay;
    private Scenario scenario;
    /** When the scenario's action happened: measured times count from it. */
    private long actedAt = System.nanoTime();
    private final List<Ping.PingResult> strangerPings = new ArrayList<>();

    public OverlaySteps(LabWorld world) {
        this.world = world;
        this.overlay = new OverlayLab(world);
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    /** "k8s-1", "k8s-1 and k8s-2", "k8s-1, k8s-2 and k8s-3". */
    @ParameterType("[a-z][a-z0-9-]*(?:, [a-z][a-z0-9-]*)*(?: and [a-z][a-z0-9-]*)?")
    public List<String> nodes(String text) {
        return Arrays.stream(text.split(", | and ")).map(String::strip).toList();
    }

    private long sinceAction() {
        return (System.nanoTime() - actedAt) / 1_000_000;
    }

    // --- membership -----------------------------------------------------------------------------

    @Given("{nodes} are waiting for authorisation")
    public void waitingForAuthorisation(List<String> nodes) {
        Budget budget = Budgets.defaults().get("overlay join");
        for (String node : nodes) {
            Waits.until(budget, node + " asks to join and is told to wait", () -> overlay.status(node),
                    status -> status.status().equals("ACCESS_DENIED"));
            OverlayController.Member member = overlay.controller().member(overlay.networkId(), overlay.memberAddress(node));
            assertThat(member.authorised()).as("%s before any operator acted", node).isFalse();
        }
    }

    @When("the operator authorises {nodes}")
    public void theOperatorAuthorises(List<String> nodes) {
        OverlayController controller = overlay.controller();
        String network = controller.onlyNetwork();
        actedAt = System.nanoTime();
        for (String node : nodes) {
            assertThat(controller.authorise(network, overlay.memberAddress(node)).authorised()).isTrue();
        }
    }

    @Then("{nodes} get overlay addresses within the {budget} budget")
    public void getOverlayAddresses(List<String> nodes, Budget budget) {
        for (String node : nodes) {
            Waits.Waited<OverlayAgent.Status> waited = Waits.until(budget, node + " is a member with its addresses",
                    () -> overlay.status(node),
                    status -> status.ok() && status.address(4).isPresent() && status.address(6).isPresent());
            scenario.log(node + " joined " + sinceAction() + " ms after the operator authorised it: "
                    + waited.value().assignedAddresses());
            OverlayController.Member member = overlay.controller().member(overlay.networkId(), waited.value().address());
            assertThat(member.ipAssignments().stream().map(OverlaySteps::ip).toList()).as("what the controller assigned to %s", node)
                    .contains(ip(waited.value().address(4).orElseThrow()), ip(waited.value().address(6).orElseThrow()));
        }
    }

    @Given("{nodes} are authorised members that reach each other over the overlay")
    public void authorisedMembersThatReachEachOther(List<String> nodes) {
        authorisedAndTalking(nodes);
    }

    @Given("{nodes} are authorised members that reach each other directly")
    public void authorisedMembersThatReachEachOtherDirectly(List<String> nodes) {
        authorisedAndTalking(nodes);
        for (String from : nodes) {
            for (String to : nodes) {
                if (!from.equals(to)) {
                    awaitPath(from, to, "direct", Budgets.defaults().get("overlay path change"));
                }
            }
        }
    }

    private void authorisedAndTalking(List<String> nodes) {
        theOperatorAuthorises(nodes);
        getOverlayAddresses(nodes, Budgets.defaults().get("overlay join"));
        for (String from : nodes) {
            for (String to : nodes) {
                if (!from.equals(to)) {
                    Waits.Waited<Ping.PingResult> waited = Waits.until(Budgets.defaults().get("overlay join"),
                            from + " reaches " + to + " over the overlay", () -> overlayPing(from, to, 4, 1),
                            Ping.PingResult::anyReply);
                    scenario.log(from + " reached " + to + " over the overlay after " + waited.took().toMillis() + " ms");
                }
            }
        }
    }

    @Then("{word} reaches {word} over the overlay")
    @Then("{word} still reaches {word} over the overlay")
    public void reachesOverTheOverlay(String from, String to) {
        assertReaches(from, to, 4);
    }

    @Then("{word} reaches {word} over the overlay by IPv6")
    @Then("{word} still reaches {word} over the overlay by IPv6")
    public void reachesOverTheOverlayByIpv6(String from, String to) {
        assertReaches(from, to, 6);
    }

    private void assertReaches(String from, String to, int family) {
        Ping.PingResult ping = overlayPing(from, to, family, 5);
        assertThat(ping.anyReply()).as("%s pings %s over the overlay (IPv%d): %s", from, to, family, ping.output()).isTrue();
    }

    private Ping.PingResult overlayPing(String from, String to, int family, int count) {
        return new Ping(world.node(from)).send(overlay.overlayAddress(to, family), count);
    }

    @When("{word} tries to reach {nodes} over the overlay")
    public void triesToReach(String stranger, List<String> members) {
        for (String member : members) {
            for (int family : new int[] {4, 6}) {
                strangerPings.add(new Ping(world.node(stranger)).send(overlay.overlayAddress(member, family), 3));
            }
        }
    }

    @Then("{word} reaches none of them")
    public void reachesNoneOfThem(String stranger) {
        assertThat(strangerPings).isNotEmpty();
        strangerPings.forEach(ping -> assertThat(ping.received())
                .as("%s pinging %s: %s", stranger, ping.address(), ping.output()).isZero());
    }

    @Then("the controller lists {word} as a member that is not authorised")
    public void listedAsNotAuthorised(String node) {
        OverlayController controller = overlay.controller();
        String network = controller.onlyNetwork();
        String address = overlay.memberAddress(node);
        assertThat(controller.members(network)).contains(address);
        OverlayController.Member member = controller.member(network, address);
        assertThat(member.authorised()).isFalse();
        assertThat(member.ipAssignments()).isEmpty();
    }

    @Then("{word} has no overlay address")
    public void hasNoOverlayAddress(String node) {
        OverlayAgent.Status status = overlay.status(node);
        assertThat(status.status()).isEqualTo("ACCESS_DENIED");
        assertThat(status.assignedAddresses()).isEmpty();
    }

    @Then("neither {word} nor {word} has {word} as a peer")
    public void neitherHasAsAPeer(String a, String b, String stranger) {
        String address = overlay.memberAddress(stranger);
        for (String member : List.of(a, b)) {
            assertThat(overlay.status(member).peer(address)).as("%s's peers", member).isEmpty();
        }
    }

    @When("the operator deauthorises {word}")
    public void theOperatorDeauthorises(String node) {
        OverlayController controller = overlay.controller();
        actedAt = System.nanoTime();
        assertThat(controller.deauthorise(controller.onlyNetwork(), overlay.memberAddress(node)).authorised()).isFalse();
    }

    @Then("{word} no longer reaches {word} over the overlay within the {budget} budget")
    public void noLongerReaches(String from, String to, Budget budget) {
        // The addresses as they were: a cut-off member takes its own down.
        String target = overlayAddressOrLast(to);
        Waits.Waited<Ping.PingResult> waited = Waits.until(budget, from + " stops reaching " + to + " over the overlay",
                () -> new Ping(world.node(from)).send(target, 1), ping -> !ping.anyReply());
        scenario.log(from + " stopped reaching " + to + " " + sinceAction() + " ms after the action");
        Ping.PingResult confirm = new Ping(world.node(from)).send(target, 3);
        assertThat(confirm.received()).as("%s pinging %s again: %s", from, to, confirm.output()).isZero();
    }

    private final java.util.Map<String, String> lastKnownAddress = new java.util.HashMap<>();

    private String overlayAddressOrLast(String node) {
        return overlay.status(node).address(4).map(address -> {
            lastKnownAddress.put(node, address);
            return address;
        }).orElseGet(() -> lastKnownAddress.computeIfAbsent(node, n -> {
            throw new AssertionError(n + " has no overlay address and none was seen before");
        }));
    }

    // --- paths --------------------------------------------------------------------------------

    @When("the underlay silently drops the traffic between {word} and {word}")
    public void theUnderlayDrops(String a, String b) {
        actedAt = System.nanoTime();
        UnderlayFilter.block(world.node(a), underlayAddresses(b));
    }

    @Given("the underlay dropped the traffic between {word} and {word} until they talked through the relay")
    public void theUnderlayDroppedUntilRelayed(String a, String b) {
        theUnderlayDrops(a, b);
        awaitPath(a, b, "relay", Budgets.defaults().get("overlay path change"));
        awaitPath(b, a, "relay", Budgets.defaults().get("overlay path change"));
    }

    @When("the underlay lets the traffic between {word} and {word} pass again")
    public void theUnderlayLetsPass(String a, String b) {
        actedAt = System.nanoTime();
        UnderlayFilter.unblock(world.node(a));
    }

    @Then("{word} reaches {word} through the relay within the {budget} budget")
    public void reachesThroughTheRelay(String from, String to, Budget budget) {
        awaitPath(from, to, "relay", budget);
    }

    @Then("{word} reaches {word} directly within the {budget} budget")
    public void reachesDirectly(String from, String to, Budget budget) {
        awaitPath(from, to, "direct", budget);
    }

    private void awaitPath(String from, String to, String path, Budget budget) {
        String peer = overlay.memberAddress(to);
        Waits.Waited<OverlayAgent.Status> waited = Waits.until(budget, from + " reaches " + to + " " + path,
                () -> overlay.status(from),
                status -> status.peer(peer).map(p -> p.path().equals(path)).orElse(false));
        scenario.log(from + " → " + to + ": path " + path + ", " + sinceAction() + " ms after the action ("
                + waited.value().peer(peer).orElseThrow() + ")");
    }

    /** Every underlay address of a node (one per link). */
    private List<String> underlayAddresses(String node) {
        return world.lab().topology().linksOf(node).stream()
                .map(link -> link.endpointOf(node).ipv4().orElseThrow().address().getHostAddress()).toList();
    }

    // --- controller down -----------------------------------------------------------------------

    @When("the controller crashes")
    public void theControllerCrashes() {
        actedAt = System.nanoTime();
        overlay.controllerNode().kill();
    }

    @Then("{nodes} notice the controller is unreachable within the {budget} budget")
    public void noticeTheControllerIsUnreachable(List<String> nodes, Budget budget) {
        for (String node : nodes) {
            Waits.Waited<OverlayAgent.Status> waited = Waits.until(budget, node + " notices the controller is gone",
                    () -> overlay.status(node), status -> !status.controllerReachable());
            assertThat(waited.value().ok()).as("%s keeps its network config: %s", node, waited.value()).isTrue();
            scenario.log(node + " noticed the controller was gone " + sinceAction() + " ms after it crashed");
        }
    }

    // --- pods ---------------------------------------------------------------------------------

    @Then("every pod answers every other pod over IPv4 and IPv6 within the {budget} budget")
    public void everyPodAnswersEveryOtherPod(Budget budget) {
        List<String> nodes = world.lab().topology().nodes().stream()
                .filter(node -> node.labels().containsKey("overlay.pod-ipv4")).map(node -> node.name()).toList();
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(3);
        for (String from : nodes) {
            for (String to : nodes) {
                for (int family : new int[] {4, 6}) {
                    if (from.equals(to)) {
                        continue;
                    }
                    String source = overlay.podAddress(from, family);
                    String target = overlay.podAddress(to, family);
                    Waits.Waited<Ping.PingResult> waited = Waits.until(budget, "pod " + source + " on " + from
                            + " reaches pod " + target + " on " + to,
                            () -> new Ping(world.node(from)).sendFrom(source, target, 1), Ping.PingResult::anyReply);
                    scenario.log("pod " + source + " (" + from + ") → pod " + target + " (" + to + "): answered after "
                            + waited.took().toMillis() + " ms");
                }
            }
        }
    }

    @Then("the controller shows the pod subnets each of {nodes} advertises, and the others route them via it")
    public void podSubnetsAdvertisedAndRouted(List<String> nodes) {
        OverlayController controller = overlay.controller();
        String network = controller.onlyNetwork();
        for (String node : nodes) {
            List<String> subnets = overlay.podSubnets(node);
            assertThat(subnets).as("pod subnets in the configuration of %s", node).isNotEmpty();
            List<String> advertised = controller.member(network, overlay.memberAddress(node)).advertisedRoutes();
            for (String subnet : subnets) {
                assertThat(advertised).as("what the controller shows %s advertising", node)
                        .anyMatch(route -> samePrefix(route, subnet));
                String via = overlay.overlayAddress(node, subnet.contains(":") ? 6 : 4);
                for (String other : nodes) {
                    if (!other.equals(node)) {
                        assertThat(overlay.status(other).routes()).as("routes of %s: %s via %s (%s)", other, subnet, via, node)
                                .anyMatch(route -> sameRoute(route, subnet, via));
                    }
                }
            }
        }
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError("not an address: " + literal, e);
        }
    }

    /** Compared as addresses, not text: 2001:db8:a2:1::/64 and 2001:db8:a2:1:0:0:0:0/64 are one subnet. */
    private static boolean sameRoute(OverlayController.Route route, String subnet, String via) {
        return route.via() != null && samePrefix(route.target(), subnet) && ip(route.via()).equals(ip(via));
    }

    private static boolean samePrefix(String a, String b) {
        try {
            return IpPrefix.parse(a).equals(IpPrefix.parse(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // --- hostile packets ----------------------------------------------------------------------

    /** "overlay-" as ping's padding pattern: what must not be readable on the underlay. */
    private static final String PING_PATTERN = "6f7665726c61792d";
    private static final int PING_SIZE = 1000;
    private byte[] recorded;
    private String recordedFrom;
    private String recordedTo;
    private Map<String, Double> dropsBefore;

    @Given("an attacker on the underlay recorded a packet from {word} to {word} carrying a ping")
    public void anAttackerRecorded(String from, String to) {
        HostilePackets attacker = new HostilePackets(world, overlay);
        recorded = attacker.recordAndWithhold(from, to, PING_SIZE, PING_PATTERN);
        recordedFrom = from;
        recordedTo = to;
        scenario.log("recorded " + recorded.length + " bytes from " + from + " to " + to + " (not delivered): "
                + java.util.HexFormat.of().formatHex(recorded, 0, Math.min(64, recorded.length)) + "…");
    }

    @When("the attacker delivers the recorded packet to {word} with one byte changed, then unchanged twice")
    public void theAttackerDelivers(String to) {
        assertThat(to).isEqualTo(recordedTo);
        HostilePackets attacker = new HostilePackets(world, overlay);
        dropsBefore = overlay.agent(to).drops();
        byte[] altered = recorded.clone();
        altered[altered.length - 1] ^= 0x01;
        attacker.send(altered, recordedFrom, to);
        attacker.send(recorded, recordedFrom, to);
        attacker.send(recorded, recordedFrom, to);
    }

    @Then("{word} counts the altered packet as failing authentication and the second copy as a replay")
    public void countsTheDrops(String node) {
        Budget budget = Budgets.defaults().get("overlay counters");
        try {
            Waits.until(budget, node + " counts the altered and replayed packets", () -> overlay.agent(node).drops(),
                    drops -> increase(drops, "bad_tag") >= 1 && increase(drops, "replay") >= 1);
        } catch (Waits.BudgetExceededException e) {
            throw new AssertionError(e.getMessage() + "\ndrops by reason before: " + dropsBefore + ", now: "
                    + overlay.agent(node).drops(), e);
        }
        Map<String, Double> after = overlay.agent(node).drops();
        scenario.log(node + " drops by reason before: " + dropsBefore + ", after: " + after);
        assertThat(increase(after, "bad_tag")).as("authentication failures counted (%s)", after).isEqualTo(1);
        assertThat(increase(after, "replay")).as("replays counted (%s)", after).isEqualTo(1);
    }

    private double increase(Map<String, Double> now, String reason) {
        return now.getOrDefault(reason, 0.0) - dropsBefore.getOrDefault(reason, 0.0);
    }

    @Then("the recorded packet does not show what the ping carried")
    public void theRecordedPacketIsEncrypted() {
        String pattern = new String(java.util.HexFormat.of().parseHex(PING_PATTERN), java.nio.charset.StandardCharsets.ISO_8859_1);
        String seen = new String(recorded, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(seen).as("the recorded datagram").doesNotContain(pattern);
        assertThat(recorded.length).as("the recorded datagram carries a %d-byte ping", PING_SIZE).isGreaterThan(PING_SIZE);
    }
}
