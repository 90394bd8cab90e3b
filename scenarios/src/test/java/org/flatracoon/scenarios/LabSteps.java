package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.flatracoon.lab.probe.Ping;

/** Steps about the lab itself: bringing it up, and what crosses its links. */
public final class LabSteps {

    private final LabWorld world;
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

    @Then("{word} answers")
    public void answers(String node) {
        assertThat(pingTarget).isEqualTo(node);
        assertThat(lastPing.anyReply()).as("replies from %s: %s", node, lastPing.output()).isTrue();
    }

    @Then("no reply arrives")
    public void noReplyArrives() {
        assertThat(lastPing.received()).as("replies from %s: %s", pingTarget, lastPing.output()).isZero();
    }

    @After
    public void removeTheLab(Scenario scenario) {
        world.finish(scenario);
    }
}
