package org.flatracoon.scenarios;

import io.cucumber.java.Scenario;
import java.io.IOException;
import java.net.URI;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.replay.ReplayBundle;

/**
 * When a scenario fails, attaches a replay bundle to its evidence (replay-bundle.zip): the
 * topology and its files, the resolved topology, the image ids, the fault schedule with offsets, the seed and where
 * the scenario is. `lab replay replay-bundle.zip` brings the same lab up and plays the faults again.
 */
final class ReplayBundleWriter {

    static final String ATTACHMENT = "replay-bundle.zip";

    private ReplayBundleWriter() {
    }

    static void attachIfFailed(Scenario scenario, RunningLab lab, long seed) {
        if (!scenario.isFailed()) {
            return;
        }
        try {
            ReplayBundle bundle = ReplayBundle.of(lab, scenario.getName(), source(scenario), seed);
            byte[] zip = bundle.toZip(lab.topology(),
                    java.util.Map.of("resolved-topology.txt", ResolvedTopology.describe(lab.topology())));
            scenario.attach(zip, "application/zip", ATTACHMENT);
            scenario.log("replay bundle attached as " + ATTACHMENT + " (" + bundle.schedule().size()
                    + " faults); reproduce with: ./just lab replay <evidence folder>/" + ATTACHMENT);
        } catch (IOException | RuntimeException e) {
            scenario.log("could not write the replay bundle: " + e);
        }
    }

    /** features/faults/links.feature:23: the scenario's file as Cucumber found it (classpath-relative), and line. */
    private static String source(Scenario scenario) {
        URI uri = scenario.getUri();
        return uri.getSchemeSpecificPart() + ":" + scenario.getLine();
    }
}
