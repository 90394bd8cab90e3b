package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.backend.Direction;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.Partition;
import org.flatracoon.lab.backend.Rate;
import org.flatracoon.lab.fault.UnsupportedFaultException;
import org.flatracoon.lab.probe.Iperf;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.probe.RapidPing;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Waits;
import org.opentest4j.TestAbortedException;

/** Steps that break a lab on purpose (links, partitions, nodes) and judge what the breakage does. */
public final class FaultSteps {

    /** Measured shares of random loss may stray this many standard deviations (binomial) from the set one. */
    private static final double SIGMAS = 4;
    /** A token bucket's measured rate: TCP goodput sits a little under the limit (headers), never far above it. */
    private static final double RATE_LOW = 0.80;
    private static final double RATE_HIGH = 1.05;

    private final LabWorld world;
    private Scenario scenario;
    private Partition partition;

    public FaultSteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    // --- links ---

    // One definition serves Given and When alike (Cucumber matches text, not keywords).
    @When("the link between {word} and {word} silently drops all traffic")
    public void blackhole(String a, String b) {
        world.lab().link(a, b).blackhole();
    }

    @When("the link between {word} and {word} is repaired")
    public void repaired(String a, String b) {
        world.lab().link(a, b).clear();
    }

    @Then("both interfaces of the link between {word} and {word} are {word}")
    public void interfacesAre(String a, String b, String state) {
        boolean wantUp = switch (state) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new IllegalArgumentException("an interface is up or down, not " + state);
        };
        for (Endpoint endpoint : world.lab().link(a, b).spec().endpoints()) {
            ExecResult link = world.node(endpoint.node()).exec("ip", "-o", "link", "show", "dev", endpoint.iface());
            Matcher flags = Pattern.compile("<([^>]*)>").matcher(link.stdout());
            assertThat(flags.find()).as("flags of %s in: %s", endpoint, link.output()).isTrue();
            boolean up = Set.of(flags.group(1).split(",")).contains("UP");
            assertThat(up).as("%s is %s: %s", endpoint, wantUp ? "up" : "down", link.stdout().strip()).isEqualTo(wantUp);
        }
    }

    @When("the link between {word} and {word} loses {int}% of the packets {word} sends")
    public void loses(String a, String b, int percent, String sender) {
        world.lab().link(a, b).loss(percent, Direction.from(sender));
    }

    @Then("about {int}% of {int} rapid pings from {word} to {word} go unanswered")
    public void aboutThisShareOfPingsIsLost(int percent, int count, String from, String to) {
        RapidPing.Loss loss = new RapidPing(world.node(from)).send(world.addressFacing(to, from), count);
        double tolerance = tolerancePoints(percent, loss.sent());
        scenario.log(String.format(Locale.ROOT, "%d pings from %s to %s: %d unanswered = %.1f%% (set %d%%, tolerance ±%.1f points)",
                loss.sent(), from, to, loss.sent() - loss.answered(), loss.lostPercent(), percent, tolerance));
        assertThat(loss.sent()).as("pings sent").isEqualTo(count);
        assertThat(loss.lostPercent()).as("share of %d pings unanswered", count).isBetween(percent - tolerance, percent + tolerance);
    }

    @Then("about {int}% of the datagrams {word} sends to {word} are lost")
    public void aboutThisShareOfDatagramsIsLost(int percent, String from, String to) {
        Iperf.Datagrams datagrams = datagrams(from, to);
        double tolerance = tolerancePoints(percent, datagrams.sent());
        scenario.log(String.format(Locale.ROOT, "%d datagrams from %s to %s: %d lost = %.1f%% (set %d%%, tolerance ±%.1f points)",
                datagrams.sent(), from, to, datagrams.lost(), datagrams.lostPercent(), percent, tolerance));
        assertThat(datagrams.sent()).as("datagrams sent").isGreaterThan(200);
        assertThat(datagrams.lostPercent()).isBetween(percent - tolerance, percent + tolerance);
    }

    @Then("none of the datagrams {word} sends to {word} are lost")
    public void noDatagramIsLost(String from, String to) {
        Iperf.Datagrams datagrams = datagrams(from, to);
        scenario.log(datagrams.sent() + " datagrams from " + from + " to " + to + ": " + datagrams.lost() + " lost");
        assertThat(datagrams.sent()).as("datagrams sent").isGreaterThan(200);
        assertThat(datagrams.lost()).as("datagrams lost from %s to %s", from, to).isZero();
    }

    @When("the link between {word} and {word} is limited to {int} Mbit\\/s")
    public void limited(String a, String b, int megabits) {
        world.lab().link(a, b).rateLimit(Rate.parse(megabits + "mbit"), Direction.BOTH);
    }

    @Then("{word} sends to {word} at about {int} Mbit\\/s")
    public void sendsAtAbout(String from, String to, int megabits) {
        double measured = new Iperf(world.node(from)).tcpBitsPerSecond(world.addressFacing(to, from), 3, false) / 1e6;
        scenario.log(String.format(Locale.ROOT, "TCP from %s to %s for 3 s: %.2f Mbit/s (limit %d Mbit/s, accepted %.1f–%.1f)",
                from, to, measured, megabits, megabits * RATE_LOW, megabits * RATE_HIGH));
        assertThat(measured).isBetween(megabits * RATE_LOW, megabits * RATE_HIGH);
    }

    @When("the link between {word} and {word} delays packets by {int} ms with {int} ms of jitter")
    public void delays(String a, String b, int delayMs, int jitterMs) {
        try {
            world.lab().link(a, b).delay(Duration.ofMillis(delayMs), Duration.ofMillis(jitterMs));
        } catch (UnsupportedFaultException e) {
            scenario.log("skipped: " + e.getMessage());
            throw new TestAbortedException(e.getMessage());
        }
    }

    @Then("{word}'s round trips to {word} take at least {int} ms")
    public void roundTripsTakeAtLeast(String from, String to, int ms) {
        ExecResult ping = world.node(from).exec("ping", "-n", "-c", "5", "-i", "0.2", world.addressFacing(to, from));
        Matcher min = Pattern.compile("= ([\\d.]+)/").matcher(ping.stdout());
        assertThat(min.find()).as("round-trip statistics in: %s", ping.output()).isTrue();
        scenario.log("minimum round trip from " + from + " to " + to + ": " + min.group(1) + " ms");
        assertThat(Double.parseDouble(min.group(1))).isGreaterThanOrEqualTo(ms);
    }

    // --- partitions ---

    @When("{word} is cut off from the rest of the lab")
    @Given("{word} was cut off from the rest of the lab")
    public void cutOff(String node) {
        partition = world.lab().partition(Set.of(node));
    }

    @When("the partition heals")
    public void heals() {
        assertThat(partition).as("a partition to heal").isNotNull();
        partition.heal();
    }

    @Then("{word} still reaches {word}")
    public void stillReaches(String from, String to) {
        Ping.PingResult ping = new Ping(world.node(from)).send(world.addressFacing(to, from), 3);
        assertThat(ping.anyReply()).as("replies from %s to %s: %s", to, from, ping.output()).isTrue();
    }

    @Then("{word} still does not reach {word}")
    public void stillDoesNotReach(String from, String to) {
        Ping.PingResult ping = new Ping(world.node(from)).send(world.addressFacing(to, from), 3);
        assertThat(ping.received()).as("replies from %s to %s: %s", to, from, ping.output()).isZero();
    }

    // --- nodes ---

    @When("{word} is killed")
    public void killed(String node) {
        world.node(node).kill();
    }

    @When("{word} is stopped")
    @Given("{word} was stopped")
    public void stopped(String node) {
        world.node(node).stop();
    }

    @When("{word} is started again")
    public void startedAgain(String node) {
        world.node(node).start();
    }

    @When("{word} is restarted")
    public void restarted(String node) {
        world.node(node).restart();
    }

    @When("{word} is frozen")
    @Given("{word} was frozen")
    public void frozen(String node) {
        world.node(node).pause();
    }

    @When("{word} thaws")
    public void thaws(String node) {
        world.node(node).unpause();
    }

    @Then("{word}'s web page no longer answers {word} within the {budget} budget")
    public void webPageNoLongerAnswers(String server, String client, Budget budget) {
        Waits.Waited<Boolean> waited = Waits.until(budget, server + "'s web page stops answering " + client,
                () -> webPageAnswers(server, client), answers -> !answers);
        scenario.log(server + "'s web page stopped answering " + client + " after " + waited.took().toMillis() + " ms");
    }

    @Then("{word}'s web page answers {word} again within the {budget} budget")
    public void webPageAnswersAgain(String server, String client, Budget budget) {
        Waits.Waited<Boolean> waited = Waits.until(budget, server + "'s web page answers " + client + " again",
                () -> webPageAnswers(server, client), answers -> answers);
        scenario.log(server + "'s web page answered " + client + " again after " + waited.took().toMillis() + " ms");
    }

    private boolean webPageAnswers(String server, String client) {
        return world.node(client).exec("curl", "--silent", "--fail", "--max-time", "2",
                "http://" + world.addressFacing(server, client) + "/").succeeded();
    }

    private Iperf.Datagrams datagrams(String from, String to) {
        // The iperf3 server runs on one of the two; the client asks it to send when it is the sender.
        boolean serverSends = world.lab().topology().node(from).map(n -> n.exec().stream()
                .anyMatch(command -> command.contains("iperf3 --server"))).orElse(false);
        String client = serverSends ? to : from;
        String server = serverSends ? from : to;
        return new Iperf(world.node(client)).udp(world.addressFacing(server, client), "4M", 2, serverSends);
    }

    /** SIGMAS binomial standard deviations of the share lost out of {@code n}, in percentage points. */
    private static double tolerancePoints(int percent, int n) {
        double p = percent / 100.0;
        return 100 * SIGMAS * Math.sqrt(p * (1 - p) / Math.max(n, 1));
    }
}
