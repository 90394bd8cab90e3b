package org.flatracoon.lab.reports.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Glue for the end-to-end test: attaches and logs the way real lab steps do. */
public class SampleSteps {

    private Scenario scenario;
    private String answer;
    private String observed;

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @Given("a peer that answers {string}")
    public void aPeerThatAnswers(String answer) {
        this.answer = answer;
        scenario.attach("nodes:\n  r1: {kind: bird}\n", "application/yaml", "topology");
    }

    @When("the lab pings it")
    public void theLabPingsIt() {
        observed = answer;
        scenario.log("ping sent to r1");
        scenario.attach("{\"reply\":\"" + answer + "\"}", "application/json", "ping reply");
    }

    @Then("the answer is {string}")
    public void theAnswerIs(String expected) {
        assertThat(observed).as("reply from r1").isEqualTo(expected);
    }

    @Given("the address {}")
    public void theAddress(String address) {
        scenario.log("address " + address);
    }

    @Then("it is accepted")
    public void itIsAccepted() {
        scenario.attach(new byte[] {(byte) 0xa1, (byte) 0xb2, (byte) 0xc3, (byte) 0xd4},
                "application/vnd.tcpdump.pcap", "../../capture");
    }
}
