package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/** Steps about the lab itself: bringing it up, and what crosses its links. */
public final class LabSteps {

    private final LabWorld world;
    private Scenario scenario;
    private Ping.PingResult lastPing;
    private String pingTarget;

    public LabSteps(LabWorld world) {
        this.world = world;
    }

    @Given("the {string} lab is running")
    public void theLabIsRunning(String labName) {
        world.start(labName);
    }

    @When("{word} pings {word}")
    public void pings(String from, String to) {
        pingTarget = to;
        lastPing = new Ping(world.node(from)).send(world.firstAddressOf(to), 3);
    }

    @When("{word} pings {word} over IPv6")
    public void pingsOverIpv6(String from, String to) {
        pingTarget = to;
        lastPing = new Ping(world.node(from)).send(world.firstIpv6AddressOf(to), 3);
    }

    @Then("{word} answers")
    public void answers(String node) {
        assertThat(pingTarget).isEqualTo(node);
        assertThat(lastPing.anyReply()).as("replies from %s: %s", node, lastPing.output()).isTrue();
    }

    @Then("no reply arrives")
    public void noReplyArrives() {
        assertThat(lastPing.received()).as("replies from %s: %s", pingTarget, lastPing.output()).isZero();
    }

    @When("the link between {word} and {word} goes down")
    @Given("the link between {word} and {word} went down")
    public void theLinkGoesDown(String a, String b) {
        world.lab().link(a, b).down();
    }

    @When("the link between {word} and {word} comes back up")
    public void theLinkComesBackUp(String a, String b) {
        world.lab().link(a, b).up();
    }

    @Then("{word} no longer reaches {word} within the {budget} budget")
    public void noLongerReaches(String from, String to, Budget budget) {
        Waits.Waited<Ping.PingResult> waited = Waits.until(budget, from + " stops reaching " + to,
                () -> new Ping(world.node(from)).send(world.firstAddressOf(to), 1), ping -> !ping.anyReply());
        scenario.log(from + " stopped reaching " + to + " after " + waited.took().toMillis() + " ms");
    }

    @Then("{word} reaches {word} again within the {budget} budget")
    public void reachesAgain(String from, String to, Budget budget) {
        Waits.Waited<Ping.PingResult> waited = Waits.until(budget, from + " reaches " + to + " again",
                () -> new Ping(world.node(from)).send(world.firstAddressOf(to), 1), Ping.PingResult::anyReply);
        scenario.log(from + " reached " + to + " again after " + waited.took().toMillis() + " ms");
    }

    @ParameterType("[A-Za-z][A-Za-z -]*")
    public Budget budget(String name) {
        return Budgets.defaults().get(name);
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @After
    public void removeTheLab(Scenario scenario) {
        world.finish(scenario);
    }
}
