package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.backend.StartOptions;
import org.flatracoon.lab.probe.PcapFile;
import org.flatracoon.lab.probe.Ping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab started with captures records each link's packets from inside a node's network namespace,
 * keeps capturing across a link that goes down and up, and leaves no capture container behind.
 */
@RequiresDocker
class LinkCaptureDockerTest {

    private static final String A = "198.51.100.193";
    private static final String B = "198.51.100.194";

    @Test
    void aPingAcrossTheLinkIsInItsCaptureAndNoCaptureHelperOutlivesTheLab(@TempDir Path captures) throws Exception {
        TestLabs.inventory().sweepAbandonedTestRuns();
        long start = System.nanoTime();
        RunningLab lab = TestLabs.backend().start(TestLabs.topology("evidence-capture.clab.yml"), LabOwner.TEST_RUN,
                StartOptions.capturingInto(captures));
        Duration withCaptures = Duration.ofNanos(System.nanoTime() - start);
        String runId = lab.runId();
        List<Path> files;
        try {
            assertThat(captureHelpers(runId)).as("one capture helper for the one link").hasSize(1);
            assertThat(new Ping(lab.node("a")).send(B, 3).received()).isEqualTo(3);
            lab.link("a", "b").down();
            lab.link("a", "b").up();
            TestLabs.awaitReply(lab.node("b"), A);

            files = lab.stopCaptures();

            assertThat(lab.stopCaptures()).as("stopping again changes nothing").isEqualTo(files);
            assertThat(captureHelpers(runId)).as("stopped captures are removed at once").isEmpty();
        } finally {
            lab.close();
        }
        assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();

        assertThat(files).containsExactly(captures.resolve("a-eth1--b-eth1.pcap"));
        PcapFile pcap = PcapFile.read(files.get(0));
        assertThat(pcap.linkType()).isEqualTo(PcapFile.ETHERNET);
        assertThat(pcap.icmp(8, A, B)).as("echo requests a → b").isGreaterThanOrEqualTo(3);
        assertThat(pcap.icmp(0, B, A)).as("echo replies b → a").isGreaterThanOrEqualTo(3);
        assertThat(pcap.icmp(8, B, A)).as("b's echo requests after the link came back up").isGreaterThanOrEqualTo(1);

        Duration without = timeToStartWithoutCaptures();
        System.out.printf("evidence-capture lab start: %d ms with captures, %d ms without%n",
                withCaptures.toMillis(), without.toMillis());
    }

    @Test
    void closingALabThatStillCapturesRemovesTheCaptureHelpers(@TempDir Path captures) {
        TestLabs.inventory().sweepAbandonedTestRuns();
        RunningLab lab = TestLabs.backend().start(TestLabs.topology("evidence-capture.clab.yml"), LabOwner.TEST_RUN,
                StartOptions.capturingInto(captures));
        String runId = lab.runId();
        assertThat(captureHelpers(runId)).hasSize(1);

        lab.close();

        assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();
    }

    private static Duration timeToStartWithoutCaptures() {
        long start = System.nanoTime();
        RunningLab lab = TestLabs.backend().start(TestLabs.topology("evidence-capture.clab.yml"), LabOwner.TEST_RUN);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        lab.close();
        return took;
    }

    private static List<String> captureHelpers(String runId) {
        return TestLabs.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LabLabels.RUN, runId, LabLabels.ROLE, LinkCaptures.ROLE)).exec()
                .stream().map(c -> c.getId()).toList();
    }
}
