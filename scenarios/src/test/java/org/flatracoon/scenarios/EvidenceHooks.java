package org.flatracoon.scenarios;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Opens each scenario's timeline before anything else runs and writes it after everything else
 * (the lab's own teardown included): Cucumber runs Before hooks in ascending and After hooks in
 * descending order.
 */
public final class EvidenceHooks {

    private final ScenarioEvidence evidence;

    public EvidenceHooks(ScenarioEvidence evidence) {
        this.evidence = evidence;
    }

    @Before(order = 0)
    public void openTheTimeline(Scenario scenario) {
        evidence.begin(scenario);
    }

    @After(order = 0)
    public void writeTheTimeline() {
        evidence.end();
    }
}
