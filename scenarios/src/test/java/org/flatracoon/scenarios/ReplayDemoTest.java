package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultAction;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;
import org.flatracoon.lab.replay.FaultPlayer;
import org.flatracoon.lab.replay.ReplayBundle;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyLoader;
import org.flatracoon.lab.kind.KindRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure can be replayed: the demo scenario (replay-demo/, outside the suite) fails on
 * purpose, its report must hold a replay bundle, and that bundle, played on a fresh lab, must
 * apply the same faults at about the same offsets and show the same failure.
 */
class ReplayDemoTest {

    /** A replayed fault may start later than in the original run (the earlier ones took longer), not much earlier. */
    private static final Duration EARLY = Duration.ofMillis(50);
    private static final Duration LATE = Duration.ofSeconds(5);

    @Test
    void aFailedScenarioLeavesABundleWhoseReplayAppliesTheSameFaultsAndFailsTheSameWay(@TempDir Path temp) throws Exception {
        String tags = System.getProperty("cucumber.filter.tags", "");
        Assumptions.assumeTrue(tags.isBlank() || tags.contains("@replay-demo"),
                "the run selects scenarios by tag (" + tags + "), and not @replay-demo");
        Path run = Files.createDirectories(temp.resolve("run"));
        byte status = runCucumber(run, "classpath:replay-demo");
        assertThat(status).as("the demo scenario fails on purpose").isNotZero();

        Path evidence = onlyFile(run, "replay-bundle.zip").getParent();
        String faultsTxt = Files.readString(evidence.resolve("faults.txt"));
        assertThat(faultsTxt).as("faults undone at the end of the failed scenario")
                .contains("heal a", "link clear a b");

        ReplayBundle.Loaded loaded = ReplayBundle.read(evidence.resolve("replay-bundle.zip"),
                Files.createDirectories(temp.resolve("bundle")));
        ReplayBundle bundle = loaded.bundle();
        Path unpacked = loaded.topologyFile().getParent().getParent();
        assertThat(Files.readString(unpacked.resolve("resolved-topology.txt"))).contains("a:eth1 198.51.100.161/29");
        assertThat(bundle.scenario()).isEqualTo("b reaches a although a was cut off (fails on purpose)");
        assertThat(bundle.source()).isEqualTo("replay-demo/fails-on-purpose.feature:6");
        assertThat(bundle.imageIds()).containsOnlyKeys("a", "b", "c").allSatisfy((node, id) -> assertThat(id).startsWith("sha256:"));
        assertThat(bundle.schedule()).extracting(FaultEntry::action).containsExactly(FaultAction.LINK_LOSS, FaultAction.PARTITION);

        Topology topology = new TopologyLoader(KindRegistry.standard()).load(loaded.topologyFile());
        try (RunningLab lab = LabSession.get().backend.start(topology, LabOwner.TEST_RUN)) {
            new FaultPlayer(lab, line -> System.out.println("replayed " + line)).play(bundle.schedule());

            List<FaultEntry> replayed = lab.faults().schedule();
            assertThat(replayed).hasSameSizeAs(bundle.schedule()).allMatch(FaultEntry::applied);
            for (int i = 0; i < replayed.size(); i++) {
                FaultEntry original = bundle.schedule().get(i);
                FaultEntry again = replayed.get(i);
                assertThat(again.action()).isEqualTo(original.action());
                assertThat(again.target()).containsExactlyElementsOf(original.target());
                assertThat(again.params()).isEqualTo(original.params());
                assertThat(again.offset()).as("offset of %s", again.describe())
                        .isBetween(original.offset().minus(EARLY), original.offset().plus(LATE));
            }
            // The same failure: b does not reach a …
            assertThat(new Ping(lab.node("b")).send("198.51.100.161", 3).received()).isZero();
            // … because of the replayed faults, not a broken lab: undone, b reaches a again.
            lab.faults().undoAll();
            Waits.until(Budgets.defaults().get("link change"), "b reaches a once the replayed faults are undone",
                    () -> new Ping(lab.node("b")).send("198.51.100.161", 1), Ping.PingResult::anyReply);
        }
    }

    /** Runs Cucumber on {@code features} with the report plugin writing into {@code run}; the suite's own settings set aside. */
    private static byte runCucumber(Path run, String features) {
        Map<String, String> saved = new HashMap<>();
        for (String key : Set.copyOf(System.getProperties().stringPropertyNames())) {
            if (key.startsWith("cucumber.")) {
                saved.put(key, System.clearProperty(key));
            }
        }
        try {
            return io.cucumber.core.cli.Main.run(new String[] {"--glue", "org.flatracoon.scenarios",
                    "--plugin", "org.flatracoon.lab.reports.LabReportPlugin:" + run, "--monochrome", features},
                    Thread.currentThread().getContextClassLoader());
        } finally {
            saved.forEach(System::setProperty);
        }
    }

    private static Path onlyFile(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(name)).toList();
            assertThat(found).as("%s under %s", name, folder).hasSize(1);
            return found.get(0);
        }
    }
}
