package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.kind.Nat64Kind;
import org.flatracoon.lab.probe.DnsQuery;
import org.flatracoon.lab.probe.Nat64Address;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.PrometheusMetrics;
import org.flatracoon.lab.probe.SiteAudit;
import org.flatracoon.lab.probe.SiteAudit.NodeVerdict;
import org.flatracoon.lab.probe.SiteAudit.SiteVerdict;
import org.flatracoon.lab.topology.BindMount;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Waits;

/**
 * Steps about an IPv6-only site behind a NAT64 border: what its hosts can reach and resolve, what
 * the border lets in and counts, and what the site audit finds. The border is the lab's one node of
 * kind nat64; its prefix, pool and counters come from its own /ipv6/health and /metrics.
 */
public final class Ipv6SiteSteps {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DROPPED = "site_dropped_packets_total";
    private static final String CAPTURE = "/tmp/flatracoon-nat64-capture";

    private final LabWorld world;
    private Scenario scenario;
    private Fetch fetch;
    private DnsAnswer answer;
    private List<String> discovered;
    private SiteVerdict verdict;
    private String flaggedNode;
    private List<String> intruderReplies;
    private double counterBefore;
    private int packetsSent;
    private ExecResult connection;
    private java.util.Map<String, Double> deniedBefore = java.util.Map.of();
    private String captureNode;
    /** When the NAT64 was disrupted (System.nanoTime), to report the whole outage and not just the wait. */
    private long disruptedAt;
    /** The page each URL gave before a disruption, to recognise it afterwards. */
    private final java.util.Map<String, String> pagesBefore = new java.util.HashMap<>();

    public Ipv6SiteSteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    /** What a curl fetch brought back: the body, the address it connected to, how long it took. */
    record Fetch(boolean ok, String body, String remoteIp, double seconds, String output) {
    }

    // ---- fetching pages ------------------------------------------------------------------------

    @Given("{word} has fetched {string} through NAT64")
    public void hasFetchedThroughNat64(String host, String url) {
        Fetch done = fetch(host, url, 5);
        assertThat(done.ok()).as("%s fetching %s: %s", host, url, done.output()).isTrue();
        pagesBefore.put(url, done.body());
        assertThat(Nat64Address.inside(borderHealth().path("nat64").path("prefix").asText(), done.remoteIp()))
                .as("%s reached %s at %s, through NAT64", host, url, done.remoteIp()).isTrue();
    }

    @When("{word} fetches {string}")
    public void fetches(String host, String url) {
        fetch = fetch(host, url, 5);
        scenario.log(host + " fetched " + url + " from " + fetch.remoteIp() + " in " + ms(fetch.seconds()) + " ms");
    }

    @Then("{word} receives the page that {word} serves")
    public void receivesThePageThatServes(String host, String server) {
        assertThat(fetch.ok()).as("%s's fetch: %s", host, fetch.output()).isTrue();
        assertThat(fetch.body()).isEqualTo(pageServedBy(server));
    }

    @Then("the connection went to {word}'s IPv4 address inside the border's NAT64 prefix")
    public void theConnectionWentToTheSynthesisedAddress(String server) {
        String expected = Nat64Address.embed(borderPrefix(), world.firstAddressOf(server)).getHostAddress();
        assertThat(Nat64Address.parse(fetch.remoteIp())).as("address connected to")
                .isEqualTo(Nat64Address.parse(expected));
    }

    @Then("the connection went to {word}'s own IPv6 address")
    public void theConnectionWentToItsOwnIpv6Address(String server) {
        assertThat(Nat64Address.parse(fetch.remoteIp())).as("address connected to")
                .isEqualTo(Nat64Address.parse(world.firstIpv6AddressOf(server)));
    }

    @Then("{word} fetches {string} again within the {budget} budget")
    public void fetchesAgainWithin(String host, String url, Budget budget) {
        String page = pagesBefore.get(url);
        assertThat(page).as("a Given step fetched %s before the disruption", url).isNotNull();
        Waits.Waited<Fetch> waited = Waits.until(budget, host + " fetches " + url + " again",
                () -> fetch(host, url, 2), f -> f.ok() && f.body().equals(page));
        scenario.log(host + " fetched " + url + " again after waiting " + waited.took().toMillis() + " ms, "
                + Duration.ofNanos(System.nanoTime() - disruptedAt).toMillis() + " ms after the disruption began"
                + " (that fetch took " + ms(waited.value().seconds()) + " ms)");
    }

    // ---- DNS64 ---------------------------------------------------------------------------------

    @When("{word} resolves the IPv6 address of {string}")
    public void resolvesTheIpv6AddressOf(String host, String name) {
        answer = new DnsQuery(world.node(host)).resolveWith(resolverOf(host), name, "AAAA", List.of());
        scenario.log(host + ": AAAA " + name + " → " + answer.status() + " " + aaaa(answer));
    }

    @Then("the answer is {word}'s IPv4 address inside the border's NAT64 prefix")
    public void theAnswerIsTheSynthesisedAddress(String server) {
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(aaaa(answer)).containsExactly(
                Nat64Address.embed(borderPrefix(), world.firstAddressOf(server)).getHostAddress());
    }

    @Then("the answer is {word}'s own IPv6 address and nothing inside the NAT64 prefix")
    public void theAnswerIsItsOwnIpv6Address(String server) {
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(aaaa(answer)).containsExactly(Nat64Address.parse(world.firstIpv6AddressOf(server)).getHostAddress());
        String prefix = borderPrefix();
        assertThat(aaaa(answer)).noneMatch(address -> Nat64Address.inside(prefix, address));
    }

    @When("{word} discovers the NAT64 prefix from ipv4only.arpa")
    public void discoversTheNat64Prefix(String host) {
        DnsAnswer reply = new DnsQuery(world.node(host)).resolveWith(resolverOf(host), "ipv4only.arpa", "AAAA", List.of());
        assertThat(reply.status()).as("AAAA ipv4only.arpa").isEqualTo("NOERROR");
        discovered = aaaa(reply).stream()
                .map(a -> Nat64Address.discoveredFrom(a).orElseThrow(() -> new AssertionError(
                        a + " does not embed 192.0.0.170 or 192.0.0.171 at any RFC 6052 length")))
                .distinct().toList();
        scenario.log(host + " discovered " + discovered + " from " + aaaa(reply));
    }

    @Then("the discovered prefix is the one the border translates")
    public void theDiscoveredPrefixIsTheBorders() {
        assertThat(discovered).hasSize(1);
        String[] mine = discovered.get(0).split("/");
        String[] borders = borderPrefix().split("/");
        assertThat(mine[1]).as("prefix length").isEqualTo(borders[1]);
        assertThat(Nat64Address.parse(mine[0])).isEqualTo(Nat64Address.parse(borders[0]));
    }

    // ---- the border's IPv4 policy --------------------------------------------------------------

    @When("{word} sends IPv4 packets to every address of the NAT64 pool")
    public void sendsIpv4PacketsToThePool(String intruder) {
        captureNode = "host1";
        startCapture(captureNode, "ip6 and src net " + borderPrefix());
        counterBefore = dropped("ipv4_into_site");
        List<String> targets = poolHosts(borderHealth().path("nat64").path("pool").asText());
        packetsSent = targets.size();
        String script = targets.stream()
                .map(a -> "(ping -n -c 1 -W 2 " + a + " >/dev/null 2>&1 && echo " + a + ") &")
                .collect(Collectors.joining(" ")) + " wait";
        ExecResult result = world.node(intruder).exec("sh", "-c", script);
        intruderReplies = result.stdout().lines().filter(l -> !l.isBlank()).toList();
        scenario.log(intruder + " sent one echo request to each of " + targets);
    }

    @Then("{word} gets no reply")
    public void getsNoReply(String intruder) {
        assertThat(intruderReplies).as("pool addresses that answered %s", intruder).isEmpty();
    }

    @Then("no packet from {word} reaches {word}")
    public void noPacketReaches(String intruder, String host) {
        assertThat(host).isEqualTo(captureNode);
        List<String> seen = stopCapture(host);
        assertThat(seen).as("translated packets %s saw while %s was sending", host, intruder).isEmpty();
    }

    @Then("the border counts them as IPv4 into the site within the {budget} budget")
    public void theBorderCountsIpv4IntoTheSite(Budget budget) {
        awaitCounter("ipv4_into_site", packetsSent, budget);
    }

    @When("{word} opens a connection to {word} on the SMTP port")
    public void opensAConnectionOnTheSmtpPort(String from, String to) {
        opensAConnectionOnPort(from, to, 25);
    }

    @When("{word} opens a connection to {word} on port {int}")
    public void opensAConnectionOnPort(String from, String to, int port) {
        deniedBefore = java.util.Map.of("ipv6_inbound_denied", dropped("ipv6_inbound_denied"),
                "ipv6_outbound_denied", dropped("ipv6_outbound_denied"));
        String address = world.firstIpv6AddressOf(to);
        connection = world.node(from).exec("timeout", "3", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + port);
        scenario.log(from + " → [" + address + "]:" + port + ": exit " + connection.exitCode() + " "
                + connection.output().strip());
    }

    @Then("the connection is neither accepted nor refused")
    public void theConnectionIsNeitherAcceptedNorRefused() {
        // timeout(1) exits 124 when the command was still waiting: no SYN-ACK and no RST came back
        assertThat(connection.exitCode()).as("connection attempt: %s", connection.output()).isEqualTo(124);
    }

    @Then("the border counts it as {direction} IPv6 denied within the {budget} budget")
    public void theBorderCountsIpv6Denied(String direction, Budget budget) {
        String rule = "ipv6_" + direction + "_denied";
        counterBefore = deniedBefore.get(rule);
        awaitCounter(rule, 1, budget);
    }

    @ParameterType("inbound|outbound")
    public String direction(String word) {
        return word;
    }

    // ---- NAT64 faults --------------------------------------------------------------------------

    @When("Tayga on the border dies")
    public void taygaDies() {
        disruptedAt = System.nanoTime();
        ExecResult killed = border().exec("pkill", "-KILL", "-x", "tayga");
        assertThat(killed.exitCode()).as("pkill tayga: %s", killed.output()).isZero();
    }

    @When("the border restarts")
    public void theBorderRestarts() {
        disruptedAt = System.nanoTime();
        border().kill();
        border().start();
        scenario.log("the border was killed and came back ready in "
                + Duration.ofNanos(System.nanoTime() - disruptedAt).toMillis() + " ms");
    }

    @Then("the border reports that it restarted Tayga")
    public void theBorderReportsTheRestart() {
        JsonNode tayga = borderHealth().path("tayga");
        assertThat(tayga.path("running").asBoolean()).as("tayga running: %s", tayga).isTrue();
        assertThat(tayga.path("restarts").asLong()).as("tayga restarts: %s", tayga).isGreaterThanOrEqualTo(1);
    }

    // ---- the site audit ------------------------------------------------------------------------

    @Given("{word} has been given the IPv4 address {word}")
    public void hasBeenGivenAnIpv4Address(String node, String address) {
        String iface = world.lab().topology().linksOf(node).get(0).endpointOf(node).iface();
        ExecResult added = world.node(node).exec("ip", "addr", "add", address, "dev", iface);
        assertThat(added.succeeded()).as("ip addr add on %s: %s", node, added.output()).isTrue();
        flaggedNode = node;
    }

    @When("the site is audited")
    public void theSiteIsAudited() {
        verdict = new SiteAudit(world.lab()).run();
        scenario.log(verdict.describe());
    }

    @Then("every node of the site is IPv6-only")
    public void everyNodeIsIpv6Only() {
        assertThat(verdict.ipv6Only()).as(verdict.describe()).isTrue();
        assertThat(verdict.nodes()).as("audited nodes").hasSizeGreaterThanOrEqualTo(2);
    }

    @Then("the audit finds {word} not IPv6-only, with the address {word}")
    public void theAuditFindsTheNode(String node, String address) {
        NodeVerdict found = verdict.nodes().get(node);
        assertThat(found).as("%s audited", node).isNotNull();
        assertThat(found.ipv6Only()).as(verdict.describe()).isFalse();
        assertThat(found.findings()).anyMatch(f -> f.startsWith("address ") && f.endsWith(": " + address));
    }

    @Then("every other node of the site is IPv6-only")
    public void everyOtherNodeIsIpv6Only() {
        assertThat(verdict.nodes().values()).filteredOn(v -> !v.node().equals(flaggedNode))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v.ipv6Only()).as(verdict.describe()).isTrue());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Fetch fetch(String host, String url, int maxSeconds) {
        ExecResult result = world.node(host).exec("curl", "-sS", "--max-time", String.valueOf(maxSeconds),
                "-w", "\n%{remote_ip} %{time_total}", url);
        String out = result.stdout();
        int lastNewline = out.lastIndexOf('\n');
        String[] meta = out.substring(lastNewline + 1).split(" ");
        String body = lastNewline < 0 ? "" : out.substring(0, lastNewline);
        double seconds = meta.length > 1 ? Double.parseDouble(meta[1]) : 0;
        return new Fetch(result.succeeded(), body, meta[0], seconds, result.output().strip());
    }

    private String pageServedBy(String server) {
        BindMount page = world.node(server).spec().binds().stream()
                .filter(b -> b.containerPath().endsWith("/index.html")).findFirst()
                .orElseThrow(() -> new IllegalStateException(server + " serves no index.html in this lab"));
        try {
            return Files.readString(page.hostPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String resolverOf(String host) {
        List<String> servers = world.node(host).spec().dnsServers();
        if (servers.isEmpty()) {
            throw new IllegalStateException(host + " has no resolver in this lab");
        }
        return servers.get(0);
    }

    private static List<String> aaaa(DnsAnswer answer) {
        return answer.answers().stream().filter(r -> r.type().equals("AAAA"))
                .map(r -> Nat64Address.parse(r.data()).getHostAddress()).toList();
    }

    private LabNode border() {
        return world.node(world.onlyNodeOfKind("nat64").name());
    }

    private JsonNode borderHealth() {
        ExecResult health = border().exec("curl", "-sS", "--max-time", "3",
                "http://[::1]:" + Nat64Kind.HTTP_PORT + "/ipv6/health");
        try {
            return JSON.readTree(health.stdout());
        } catch (IOException e) {
            throw new AssertionError("the border's /ipv6/health is not JSON: " + health.output(), e);
        }
    }

    private String borderPrefix() {
        return borderHealth().path("nat64").path("prefix").asText();
    }

    private double dropped(String rule) {
        return new PrometheusMetrics(border(), Nat64Kind.HTTP_PORT).sum(DROPPED, "rule", rule);
    }

    private void awaitCounter(String rule, int atLeast, Budget budget) {
        Waits.Waited<Double> waited = Waits.until(budget, "the border's " + rule + " counter to rise by " + atLeast,
                () -> dropped(rule), value -> value - counterBefore >= atLeast);
        scenario.log("the border's " + rule + " counter went from " + (long) counterBefore + " to "
                + waited.value().longValue() + " (" + waited.took().toMillis() + " ms)");
    }

    /** The hosts of an IPv4 pool (ADDRESS/LENGTH), its network and broadcast addresses left out. */
    private static List<String> poolHosts(String pool) {
        String[] parts = pool.split("/");
        byte[] base = Nat64Address.parse(parts[0]).getAddress();
        long start = ((base[0] & 0xffL) << 24) | ((base[1] & 0xff) << 16) | ((base[2] & 0xff) << 8) | (base[3] & 0xff);
        long size = 1L << (32 - Integer.parseInt(parts[1]));
        List<String> hosts = new ArrayList<>();
        for (long a = start + 1; a < start + size - 1; a++) {
            hosts.add(((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff));
        }
        return hosts;
    }

    /** Starts tcpdump in the node, and waits until it listens, so nothing sent after this is missed. */
    private void startCapture(String node, String filter) {
        ExecResult started = world.node(node).exec("sh", "-c", "rm -f " + CAPTURE + ".*; tcpdump -n -U -i any -w "
                + CAPTURE + ".pcap '" + filter + "' >/dev/null 2>" + CAPTURE + ".err </dev/null & echo $! > "
                + CAPTURE + ".pid");
        assertThat(started.succeeded()).as("tcpdump in %s: %s", node, started.output()).isTrue();
        Waits.until(world.budget("node command"), "tcpdump listening in " + node,
                () -> world.node(node).exec("cat", CAPTURE + ".err").stdout(), err -> err.contains("listening on"));
    }

    /** Stops the capture and returns one line per packet it saw. */
    private List<String> stopCapture(String node) {
        LabNode capturing = world.node(node);
        capturing.exec("sh", "-c", "kill -INT $(cat " + CAPTURE + ".pid)");
        // The node's init (sleep) does not reap children, so a stopped tcpdump stays a zombie: state Z.
        Waits.until(world.budget("node command"), "tcpdump in " + node + " to stop",
                () -> capturing.exec("sh", "-c", "cut -d' ' -f3 /proc/$(cat " + CAPTURE + ".pid)/stat 2>/dev/null")
                        .stdout().strip(), state -> state.isEmpty() || state.equals("Z"));
        ExecResult read = capturing.exec("sh", "-c", "tcpdump -n -r " + CAPTURE + ".pcap 2>/dev/null");
        return read.stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    private static long ms(double seconds) {
        return Math.round(seconds * 1000);
    }
}
