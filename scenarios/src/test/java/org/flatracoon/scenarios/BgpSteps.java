package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.InstalledRoute;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.probe.bgp.BgpRoute;
import org.flatracoon.lab.probe.bgp.BgpRoutes;
import org.flatracoon.lab.probe.bgp.BgpSession;
import org.flatracoon.lab.probe.bgp.BgpSessions;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.NodeSpec;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/**
 * Steps about BGP routing, as the routers themselves (their sessions and tables) and the traffic
 * through them show it. Every wait is measured and the time logged to the scenario's report.
 */
public final class BgpSteps {

    private static final Set<String> ROUTER_KINDS = Set.of("bird", "frr", "bgp");
    /** The AS hostile peers speak for (the bgp-ring lab's speaker expects it from its host "peer"). */
    private static final int HOSTILE_PEER_AS = 65299;

    private final LabWorld world;
    private Scenario scenario;

    public BgpSteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @ParameterType("IPv4|IPv6")
    public Family family(String name) {
        return name.equals("IPv6") ? Family.IPV6 : Family.IPV4;
    }

    /** What a NOTIFICATION's code and subcode mean, written out for the reader. */
    @ParameterType("[a-z][a-z ]*")
    public String notification(String name) {
        return name;
    }

    @ParameterType("[0-9a-f.:]+/\\d{1,3}")
    public String prefix(String prefix) {
        return prefix;
    }

    @Given("every BGP session in the lab is established")
    public void everySessionIsEstablished() {
        Budget budget = Budgets.defaults().get("bgp session");
        Waits.Waited<String> waited = Waits.until(budget, "every BGP session of lab " + world.lab().name() + " established",
                this::sessionsNotEstablished, String::isEmpty);
        log("every BGP session established after " + millis(waited));
    }

    @Then("{word} has an established {family} session with {word}")
    public void hasAnEstablishedSession(String router, Family family, String neighbour) {
        String peer = RouterView.peerAddress(world.lab().topology(), router, neighbour, family == Family.IPV6);
        Waits.Waited<BgpSession> waited = Waits.until(Budgets.defaults().get("bgp session"),
                router + "'s " + family + " session with " + neighbour + " (" + peer + ") established",
                () -> new BgpSessions(world.node(router)).with(peer), BgpSession::established);
        log(router + " sees " + waited.value() + " (" + millis(waited) + ")");
    }

    @Given("{word} reaches {prefix} via {word}")
    public void reachesVia(String router, String prefix, String neighbour) {
        Waits.Waited<Optional<InstalledRoute>> waited = awaitPath(router, prefix, neighbour,
                Budgets.defaults().get("bgp convergence"));
        log(router + " reaches " + prefix + " via " + neighbour + " (" + waited.value().orElseThrow() + ")");
    }

    @Then("{word} reaches {prefix} via {word} within the {budget} budget")
    public void reachesViaWithin(String router, String prefix, String neighbour, Budget budget) {
        Waits.Waited<Optional<InstalledRoute>> waited = awaitPath(router, prefix, neighbour, budget);
        log("measured: " + router + " reached " + prefix + " via " + neighbour + " after " + millis(waited)
                + " (" + budget + ")");
    }

    @Then("{word} learns {prefix} from {word} with AS path {string}")
    public void learnsWithAsPath(String router, String prefix, String neighbour, String asPath) {
        String nextHop = RouterView.peerAddress(world.lab().topology(), router, neighbour, prefix.contains(":"));
        Waits.Waited<List<BgpRoute>> waited = Waits.until(Budgets.defaults().get("bgp convergence"),
                router + " learns " + prefix + " from " + neighbour + " (next hop " + nextHop + ") with AS path " + asPath,
                () -> new BgpRoutes(world.node(router)).to(prefix),
                routes -> routes.stream().anyMatch(route -> route.nextHop().equals(nextHop)
                        && route.asPathText().equals(asPath)));
        log(router + " has " + waited.value() + " after " + millis(waited));
    }

    @Then("{word} learns {prefix} from {word} within its own AS")
    public void learnsOverIbgp(String router, String prefix, String neighbour) {
        learnsWithAsPath(router, prefix, neighbour, "");
    }

    @Then("{word} has no route to {prefix}")
    public void hasNoRouteTo(String router, String prefix) {
        List<BgpRoute> routes = new BgpRoutes(world.node(router)).to(prefix);
        assertThat(routes).as("%s's BGP paths to %s", router, prefix).isEmpty();
    }

    @Then("{word} holds {prefix} tagged with community {string}")
    public void holdsTagged(String router, String prefix, String community) {
        Waits.Waited<List<BgpRoute>> waited = Waits.until(Budgets.defaults().get("bgp convergence"),
                router + " holds " + prefix + " with community " + community,
                () -> new BgpRoutes(world.node(router)).to(prefix),
                routes -> routes.stream().anyMatch(route -> route.communities().contains(community)));
        log(router + " has " + waited.value());
    }

    @Then("host {word} can reach host {word} over {family}")
    @Then("host {word} can still reach host {word} over {family}")
    public void hostCanReachHost(String from, String to, Family family) {
        String address = family == Family.IPV6 ? world.firstIpv6AddressOf(to) : world.firstAddressOf(to);
        Waits.Waited<Ping.PingResult> waited = Waits.until(Budgets.defaults().get("bgp convergence"),
                from + " reaches " + to + " (" + address + ")", () -> new Ping(world.node(from)).send(address, 1),
                Ping.PingResult::anyReply);
        log(from + " reached " + to + " at " + address + " after " + millis(waited));
    }

    @When("{word} announces {int} more IPv4 prefixes")
    public void announcesMorePrefixes(String router, int count) {
        ExtraPrefixes.announce(world.node(router), count);
    }

    @Then("{word} closes its IPv4 session with {word} because {word} sent more prefixes than allowed")
    public void closesBecauseOfThePrefixLimit(String router, String neighbour, String sender) {
        String peer = RouterView.peerAddress(world.lab().topology(), sender, router, false);
        Waits.Waited<BgpSession> waited = Waits.until(Budgets.defaults().get("bgp convergence"),
                sender + " told by " + router + " that it sent too many prefixes",
                () -> new BgpSessions(world.node(sender)).with(peer),
                session -> !session.established() && session.lastError().isPresent());
        log(sender + " sees " + waited.value() + " after " + millis(waited));
        assertThat(waited.value().lastError().orElseThrow())
                .as("the reason %s gives for the closed session (Cease, subcode 1: maximum number of prefixes)", sender)
                .containsIgnoringCase("Maximum Number of Prefixes");
    }

    @Then("{word} keeps its {family} session with {word}")
    public void sessionStaysEstablished(String router, Family family, String neighbour) {
        String peer = RouterView.peerAddress(world.lab().topology(), router, neighbour, family == Family.IPV6);
        BgpSession session = new BgpSessions(world.node(router)).with(peer);
        assertThat(session.established()).as("%s's session with %s: %s", router, neighbour, session).isTrue();
    }

    @When("{word} sends {word} an UPDATE for {prefix}, then one for {prefix} whose COMMUNITIES attribute is 3 bytes long")
    public void sendsMalformedCommunities(String peer, String speaker, String wellFormed, String malformed) {
        HostileBgpPeer hostile = hostilePeer(peer);
        String nextHop = world.firstAddressOf(peer);
        byte[] threeByteCommunities = {(byte) 0xC0, 8, 3, 0x01, 0x02, 0x03}; // optional transitive, type 8, length 3
        hostile.connectAndSend(RouterView.peerAddress(world.lab().topology(), peer, speaker, false),
                hostile.update(nextHop, new byte[0], wellFormed), hostile.update(nextHop, threeByteCommunities, malformed));
    }

    @When("{word} sends {word} an UPDATE whose attributes overrun the message")
    public void sendsOverrunningAttributes(String peer, String speaker) {
        hostilePeer(peer).connectAndSend(RouterView.peerAddress(world.lab().topology(), peer, speaker, false),
                HostileBgpPeer.updateWithOverrunningAttributes());
    }

    @When("{word} sends {word} an UPDATE with {int} prefixes, more than it may send")
    public void sendsTooManyPrefixes(String peer, String speaker, int count) {
        HostileBgpPeer hostile = hostilePeer(peer);
        String[] prefixes = new String[count];
        for (int i = 0; i < count; i++) {
            prefixes[i] = "198.51.100." + (112 + 4 * i) + "/30"; // 198.51.100.112/28 holds four
        }
        hostile.connectAndSend(RouterView.peerAddress(world.lab().topology(), peer, speaker, false),
                hostile.update(world.firstAddressOf(peer), new byte[0], prefixes));
    }

    @Then("{word} closes its session with {word} with NOTIFICATION {int}\\/{int}, {notification}")
    public void closesWithNotification(String speaker, String peer, int code, int subcode, String name) {
        HostileBgpPeer hostile = hostilePeer(peer);
        Waits.Waited<Optional<String>> waited = Waits.until(Budgets.defaults().get("bgp convergence"),
                peer + " receives a NOTIFICATION from " + speaker, hostile::notificationReceived, Optional::isPresent);
        log(peer + " received NOTIFICATION " + waited.value().orElseThrow() + " after " + millis(waited));
        assertThat(waited.value()).contains(code + "/" + subcode);
        String peerAddress = world.firstAddressOf(peer);
        assertThat(new BgpSessions(world.node(speaker)).with(peerAddress).established())
                .as("%s's session with %s after the NOTIFICATION", speaker, peer).isFalse();
    }

    private HostileBgpPeer hostilePeer(String peer) {
        return new HostileBgpPeer(world.node(peer), HOSTILE_PEER_AS, world.firstAddressOf(peer));
    }

    private Waits.Waited<Optional<InstalledRoute>> awaitPath(String router, String prefix, String neighbour, Budget budget) {
        String address = RouterView.firstHostOf(prefix);
        LabNode node = world.node(router);
        return Waits.until(budget, router + " reaches " + prefix + " via " + neighbour,
                () -> InstalledRoute.lookup(node, address),
                route -> route.flatMap(r -> RouterView.neighbourOf(world.lab().topology(), router, r))
                        .filter(neighbour::equals).isPresent());
    }

    /**
     * Every router's sessions with other routers of the lab that are not established, as text;
     * empty when all are. Sessions with hosts (a hostile peer that has not connected yet) do not count.
     */
    private String sessionsNotEstablished() {
        Set<String> routerAddresses = world.lab().topology().links().stream()
                .flatMap(link -> link.endpoints().stream())
                .filter(end -> ROUTER_KINDS.contains(world.lab().topology().node(end.node()).orElseThrow().kind()))
                .flatMap(end -> end.addresses().stream())
                .map(InterfaceAddress::addressText)
                .collect(Collectors.toSet());
        StringBuilder pending = new StringBuilder();
        for (NodeSpec spec : world.lab().topology().nodes()) {
            if (!ROUTER_KINDS.contains(spec.kind())) {
                continue;
            }
            List<BgpSession> sessions = new BgpSessions(world.node(spec.name())).all().stream()
                    .filter(session -> routerAddresses.contains(session.peer())).toList();
            if (sessions.isEmpty()) {
                pending.append(spec.name()).append(" has no BGP sessions; ");
            }
            sessions.stream().filter(session -> !session.established())
                    .forEach(session -> pending.append(spec.name()).append(": ").append(session).append("; "));
        }
        return pending.toString();
    }

    private void log(String line) {
        scenario.log(line);
    }

    private static String millis(Waits.Waited<?> waited) {
        return waited.took().toMillis() + " ms";
    }

    /** An address family, as scenarios name it. */
    public enum Family {
        IPV4, IPV6;

        @Override
        public String toString() {
            return this == IPV4 ? "IPv4" : "IPv6";
        }
    }
}
