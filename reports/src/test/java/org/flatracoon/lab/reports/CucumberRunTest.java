package org.flatracoon.lab.reports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.core.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Cucumber run, configured the way the lab configures it: Cucumber's html plugin and ours
 * writing into the same run folder. Proves the plugin string, the constructor Cucumber picks, and
 * the real event order (TestSourceParsed before scenarios, hooks, outline rows).
 */
class CucumberRunTest {

    @TempDir
    Path out;

    @Test
    void aRealRunProducesTheRunFolder() throws IOException {
        Path run = out.resolve("20250101-120000");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        byte exitStatus;
        try {
            System.setOut(new PrintStream(stdout, true, UTF_8));
            exitStatus = Main.run(new String[] {
                    "--plugin", "html:" + run.resolve("cucumber.html"),
                    "--plugin", "org.flatracoon.lab.reports.LabReportPlugin:" + run,
                    "--glue", "org.flatracoon.lab.reports.sample",
                    "classpath:org/flatracoon/lab/reports/sample"
            }, getClass().getClassLoader());
        } finally {
            System.setOut(original);
        }

        assertThat(exitStatus).as("one scenario fails on purpose").isEqualTo((byte) 1);
        assertThat(stdout.toString(UTF_8)).contains("Lab report: " + run.toAbsolutePath() + "/index.html");
        assertThat(run.resolve("cucumber.html")).exists();

        Path feature = run.resolve("evidence/01-sample-lab-behaviour");
        assertThat(feature.resolve("a-peer-answers/topology.yaml")).content().contains("r1: {kind: bird}");
        assertThat(feature.resolve("a-peer-answers/ping-reply.json")).hasContent("{\"reply\":\"pong\"}");
        assertThat(feature.resolve("a-peer-answers/log.txt")).hasContent("ping sent to r1\n");
        assertThat(feature.resolve("address-families-line-22/capture.pcap")).exists();
        assertThat(feature.resolve("address-families-line-23/capture.pcap")).exists();
        assertThat(feature.resolve("address-families-line-23/log.txt")).hasContent("address 2001:db8::1\n");

        JsonNode failed = new ObjectMapper().readTree(feature.resolve("a-peer-stays-silent/scenario.json").toFile());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("feature").asText()).isEqualTo("Sample lab behaviour");
        assertThat(failed.get("tags")).extracting(JsonNode::asText).containsExactly("@sample", "@flaky");
        assertThat(failed.get("error").asText()).contains("reply from r1", "nothing", "pong");
        assertThat(failed.get("steps").get(2).get("status").asText()).isEqualTo("failed");

        String index = Files.readString(run.resolve("index.html"));
        assertThat(index).contains("3 passed, 1 failed, 0 skipped");
        assertThat(index.indexOf("A peer stays silent")).isLessThan(index.indexOf("A peer answers"));
    }
}
