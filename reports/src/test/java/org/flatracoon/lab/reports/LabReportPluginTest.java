package org.flatracoon.lab.reports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.HookType;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import io.cucumber.plugin.event.WriteEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.flatracoon.lab.reports.FakeEvents.FakeHook;
import org.flatracoon.lab.reports.FakeEvents.FakeStep;
import org.flatracoon.lab.reports.FakeEvents.FakeTestCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the plugin with synthetic events built from Cucumber's public event classes. */
class LabReportPluginTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private Path run;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final FakeEvents.Publisher bus = new FakeEvents.Publisher();
    private Instant now = T0;

    @BeforeEach
    void registerPlugin() {
        run = out.resolve("20250101-100000");
        new LabReportPlugin(run, print(console), print(warnings)).setEventPublisher(bus);
    }

    @Test
    void writesEvidenceScenarioJsonAndLogPerScenario() throws IOException {
        FakeStep given = FakeStep.given("a Hesiod server for \"example.org\"", 5);
        FakeStep then = FakeStep.then("alice's passwd entry resolves", 6);
        TestCase scenario = FakeTestCase.scenario("hesiod.feature", "Resolve a passwd entry", 4, List.of("@hesiod"), given, then);

        bus.publish(new TestRunStarted(now));
        start(scenario);
        step(scenario, given, Status.PASSED, null);
        bus.publish(new TestStepStarted(tick(), scenario, then));
        bus.publish(new EmbedEvent(tick(), scenario, "alice:*:1000".getBytes(UTF_8), "text/plain", "dig output"));
        bus.publish(new EmbedEvent(tick(), scenario, "root:x:0:0".getBytes(UTF_8), "text/plain", "../../etc/passwd"));
        bus.publish(new EmbedEvent(tick(), scenario, new byte[] {(byte) 0xd4, (byte) 0xc3}, "application/vnd.tcpdump.pcap", "eth1"));
        bus.publish(new WriteEvent(tick(), scenario, "lookup took 12 ms"));
        bus.publish(new WriteEvent(tick(), scenario, "cache warm"));
        bus.publish(new TestStepFinished(tick(), scenario, then, new Result(Status.PASSED, Duration.ofMillis(100), null)));
        finish(scenario, Status.PASSED, null);
        bus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ofSeconds(1), null)));

        Path evidence = run.resolve("evidence/01-hesiod/resolve-a-passwd-entry");
        assertThat(evidence.resolve("dig-output.txt")).hasContent("alice:*:1000");
        assertThat(evidence.resolve("etc-passwd.txt")).hasContent("root:x:0:0");
        assertThat(evidence.resolve("eth1.pcap")).hasBinaryContent(new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertThat(evidence.resolve("log.txt")).hasContent("lookup took 12 ms\ncache warm\n");
        assertThat(warnings.toString(UTF_8)).isEmpty();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(f).startsWith(run.getParent()));
        }

        JsonNode json = JSON.readTree(evidence.resolve("scenario.json").toFile());
        assertThat(json.get("name").asText()).isEqualTo("Resolve a passwd entry");
        assertThat(json.get("feature").asText()).isEqualTo("hesiod");
        assertThat(json.get("uri").asText()).isEqualTo("classpath:features/hesiod.feature");
        assertThat(json.get("line").asInt()).isEqualTo(4);
        assertThat(json.get("tags").get(0).asText()).isEqualTo("@hesiod");
        assertThat(json.get("status").asText()).isEqualTo("passed");
        assertThat(json.get("started").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(json.get("durationMillis").asLong()).isEqualTo(250);
        assertThat(json.get("steps")).hasSize(2);
        assertThat(json.get("steps").get(0).get("keyword").asText()).isEqualTo("Given");
        assertThat(json.get("steps").get(0).get("text").asText()).isEqualTo("a Hesiod server for \"example.org\"");
        assertThat(json.get("attachments").get(0).get("file").asText()).isEqualTo("dig-output.txt");
        assertThat(json.get("attachments").get(0).get("step").asText()).isEqualTo("Then alice's passwd entry resolves");
    }

    @Test
    void indexListsFailuresFirstWithTheirEscapedError() throws IOException {
        FakeStep given = FakeStep.given("two BGP peers", 3);
        FakeStep then = FakeStep.then("the session is Established", 5);
        TestCase passing = FakeTestCase.scenario("bgp.feature", "Session comes up", 2, List.of("@bgp"), given, then);
        TestCase failing = FakeTestCase.scenario("bgp.feature", "Session survives a <flap>", 8, List.of("@bgp", "@slow"), given, then);
        TestCase skipped = FakeTestCase.scenario("overlay.feature", "Mesh heals", 3, List.of("@wip"), given);
        FakeHook after = new FakeHook(HookType.AFTER, "World.tearDown()");

        bus.publish(new TestRunStarted(now));
        runScenario(passing, Status.PASSED, null, given, then);
        start(failing);
        step(failing, given, Status.PASSED, null);
        AssertionError error = new AssertionError("expected Established but was <Idle> & flapping");
        step(failing, then, Status.FAILED, error);
        step(failing, after, Status.FAILED, new IllegalStateException("container r2 gone"));
        finish(failing, Status.FAILED, error);
        runScenario(skipped, Status.SKIPPED, null, given);
        bus.publish(new TestRunFinished(T0.plusSeconds(75), new Result(Status.FAILED, Duration.ofSeconds(75), null)));

        String index = Files.readString(run.resolve("index.html"));
        assertThat(index).contains("1 passed, 1 failed, 1 skipped", "1 min 15 s")
                .contains("expected Established but was &lt;Idle&gt; &amp; flapping")
                .contains("Session survives a &lt;flap&gt;")
                .doesNotContain("<Idle>", "<flap>", "<script")
                .contains("href=\"evidence/01-bgp/session-survives-a-flap/\"")
                .contains("href=\"cucumber.html\"")
                .contains("@bgp @slow");
        assertThat(index.indexOf("Session survives a")).isLessThan(index.indexOf("Session comes up"));
        assertThat(index.indexOf("Session comes up")).isLessThan(index.indexOf("Mesh heals"));

        JsonNode failed = JSON.readTree(run.resolve("evidence/01-bgp/session-survives-a-flap/scenario.json").toFile());
        assertThat(failed.get("error").asText()).isEqualTo("expected Established but was <Idle> & flapping");
        assertThat(failed.get("steps")).hasSize(3);
        assertThat(failed.get("steps").get(1).get("error").asText()).contains("<Idle>");
        assertThat(failed.get("steps").get(2).get("keyword").asText()).isEqualTo("After");
        assertThat(failed.get("steps").get(2).get("error").asText())
                .isEqualTo("java.lang.IllegalStateException: container r2 gone");

        JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
        assertThat(summary.get("result").asText()).isEqualTo("failed");
        assertThat(summary.get("counts").get("passed").asInt()).isEqualTo(1);
        assertThat(summary.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("counts").get("skipped").asInt()).isEqualTo(1);
        assertThat(summary.get("durationMillis").asLong()).isEqualTo(75_000);
        assertThat(summary.get("scenarios").get(0).get("name").asText()).isEqualTo("Session survives a <flap>");
        assertThat(summary.get("scenarios").get(2).get("evidence").asText()).isEqualTo("evidence/02-overlay/mesh-heals");
    }

    @Test
    void outlineRowsAndDuplicateNamesGetDistinctFolders() {
        FakeStep given = FakeStep.given("the address <address>", 4);
        FakeTestCase row = FakeTestCase.scenario("ipv6.feature", "Address families", 10, List.of(), given);
        TestCase row1 = row.withKeyword("Scenario Outline");
        TestCase row2 = new FakeTestCase(java.util.UUID.randomUUID(), row.uri(), "Scenario Outline", row.name(), 11,
                List.of(), row.steps());
        TestCase plain1 = FakeTestCase.scenario("ipv6.feature", "Same name", 20, List.of(), given);
        TestCase plain2 = FakeTestCase.scenario("ipv6.feature", "Same name", 25, List.of(), given);

        bus.publish(new TestRunStarted(now));
        for (TestCase testCase : List.of(row1, row2, plain1, plain2)) {
            runScenario(testCase, Status.PASSED, null, given);
        }
        bus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ZERO, null)));

        Path feature = run.resolve("evidence/01-ipv6");
        assertThat(feature.resolve("address-families-line-10/scenario.json")).exists();
        assertThat(feature.resolve("address-families-line-11/scenario.json")).exists();
        assertThat(feature.resolve("same-name/scenario.json")).exists();
        assertThat(feature.resolve("same-name-2/scenario.json")).exists();
    }

    @Test
    void anUndefinedStepExplainsItselfAlthoughNothingWasThrown() throws IOException {
        FakeStep given = FakeStep.given("a route reflector", 3);
        TestCase scenario = FakeTestCase.scenario("bgp.feature", "Reflects routes", 2, List.of(), given);

        bus.publish(new TestRunStarted(now));
        runScenario(scenario, Status.UNDEFINED, null, given);
        bus.publish(new TestRunFinished(tick(), new Result(Status.FAILED, Duration.ZERO, null)));

        assertThat(Files.readString(run.resolve("index.html")))
                .contains("0 passed, 1 failed, 0 skipped", "undefined step: Given a route reflector");
    }

    @Test
    void printsTheReportLineAndPointsLatestAtTheRun() throws IOException {
        Files.createDirectories(run.resolve("evidence/01-stale/old-scenario"));

        bus.publish(new TestRunStarted(now));
        bus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ZERO, null)));

        assertThat(console.toString(UTF_8)).isEqualTo("Lab report: " + run.toAbsolutePath() + "/index.html"
                + System.lineSeparator());
        assertThat(run.resolve("evidence/01-stale")).doesNotExist();
        assertThat(Files.readString(run.resolve("index.html"))).contains("No scenarios ran.");
        assertThat(out.resolve("LATEST")).hasContent(run.toAbsolutePath().toString());
        if (Files.isSymbolicLink(out.resolve("latest"))) {
            assertThat(out.resolve("latest/index.html")).exists();
            assertThat(Files.readSymbolicLink(out.resolve("latest"))).isEqualTo(run.getFileName());
        }
    }

    @Test
    void aBrokenOutputFolderNeverFailsTheRun() throws IOException {
        Path blocker = Files.writeString(out.resolve("not-a-folder"), "x");
        FakeEvents.Publisher otherBus = new FakeEvents.Publisher();
        new LabReportPlugin(blocker.resolve("run"), print(console), print(warnings)).setEventPublisher(otherBus);
        TestCase scenario = FakeTestCase.scenario("x.feature", "Anything", 1, List.of());

        otherBus.publish(new TestRunStarted(now));
        otherBus.publish(new TestCaseStarted(tick(), scenario));
        otherBus.publish(new EmbedEvent(tick(), scenario, new byte[] {1}, "text/plain", "x"));
        otherBus.publish(new TestCaseFinished(tick(), scenario, new Result(Status.PASSED, Duration.ZERO, null)));
        otherBus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ZERO, null)));

        assertThat(console.toString(UTF_8)).doesNotContain("Lab report:");
        assertThat(warnings.toString(UTF_8)).contains("lab-report warning: cannot create evidence folder",
                "lab-report warning: cannot write " + blocker.resolve("run/index.html"));
    }

    @Test
    void waitsFromTheTimelinesMakeTheRunsWaitTableWaitsJsonAndHistory() throws IOException {
        FakeStep when = new FakeStep("When ", "the link between a and b goes down", 7);
        TestCase scenario = FakeTestCase.scenario("lab.feature", "A link goes down", 6, List.of("@evidence"), when);
        String timeline = """
                {"started": "2025-01-01T10:00:01Z", "events": [
                  {"kind": "STEP", "subject": "When the link between a and b goes down", "detail": "started", "data": {}},
                  {"kind": "WAIT", "subject": "a stops reaching b", "detail": "happened", "tookMillis": 1200,
                   "data": {"budget": "link-change", "limit": "PT10S", "outcome": "met"}},
                  {"kind": "WAIT", "subject": "a reaches b again", "detail": "not within budget", "tookMillis": 10100,
                   "data": {"budget": "link-change", "limit": "PT10S", "outcome": "failed"}},
                  {"kind": "PROBE", "subject": "ping", "detail": "0/1 replies", "tookMillis": 1003, "data": {}}
                ]}""";

        bus.publish(new TestRunStarted(now));
        start(scenario);
        bus.publish(new EmbedEvent(tick(), scenario, timeline.getBytes(UTF_8), "application/json", "timeline.json"));
        bus.publish(new EmbedEvent(tick(), scenario, "<html></html>".getBytes(UTF_8), "text/html", "timeline.html"));
        bus.publish(new EmbedEvent(tick(), scenario, "<svg/>".getBytes(UTF_8), "image/svg+xml", "topology.svg"));
        finish(scenario, Status.FAILED, new AssertionError("a reaches b again did not happen"));
        bus.publish(new TestRunFinished(tick(), new Result(Status.FAILED, Duration.ofSeconds(12), null)));

        JsonNode waits = JSON.readTree(run.resolve("waits.json").toFile());
        assertThat(waits.get("budgets")).hasSize(1);
        JsonNode linkChange = waits.get("budgets").get(0);
        assertThat(linkChange.get("budget").asText()).isEqualTo("link-change");
        assertThat(linkChange.get("count").asInt()).isEqualTo(2);
        assertThat(linkChange.get("minMillis").asLong()).isEqualTo(1200);
        assertThat(linkChange.get("maxMillis").asLong()).isEqualTo(10100);
        assertThat(linkChange.get("limitMillis").asLong()).isEqualTo(10000);
        assertThat(linkChange.get("ranOut").asInt()).isEqualTo(1);
        assertThat(waits.get("waits").get(1).get("what").asText()).isEqualTo("a reaches b again");

        String index = Files.readString(run.resolve("index.html"));
        String folder = "evidence/01-lab/a-link-goes-down/";
        assertThat(index).contains("<h2>Wait times in this run</h2>", "<td>link-change</td>", "101%")
                .contains("href=\"" + folder + "timeline.html\">timeline</a>")
                .contains("<img src=\"" + folder + "topology.svg\"")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\"", "1 run</text>");
        assertThat(Files.readAllLines(out.resolve("history.jsonl"))).singleElement().asString()
                .startsWith("{\"run\": \"20250101-100000\"")
                .contains("\"link-change\": {\"count\": 2,\"medianMillis\": 1200,\"maxMillis\": 10100");
        assertThat(warnings.toString(UTF_8)).isEmpty();
    }

    @Test
    void theSecondRunChartsBothRunsFromTheHistory() throws IOException {
        Files.writeString(out.resolve("history.jsonl"), """
                {"run": "20241231-100000", "time": "2024-12-31T10:00:00Z", "commit": "abc", "passed": 3, "failed": 0, "skipped": 0, "budgets": {"dns-answer": {"count": 4, "medianMillis": 30, "maxMillis": 90, "limitMillis": 10000, "failed": 0}}}
                this line was cut short by a killed run {"run":
                """);
        FakeStep then = FakeStep.then("ws resolves alice", 4);
        TestCase scenario = FakeTestCase.scenario("dns.feature", "Resolve", 3, List.of(), then);
        String timeline = """
                {"started": "2025-01-01T10:00:01Z", "events": [{"kind": "WAIT", "subject": "ws resolves alice",
                 "detail": "happened", "tookMillis": 45, "data": {"budget": "dns-answer", "limit": "PT10S", "outcome": "met"}}]}""";

        bus.publish(new TestRunStarted(now));
        start(scenario);
        bus.publish(new EmbedEvent(tick(), scenario, timeline.getBytes(UTF_8), "application/json", "timeline.json"));
        finish(scenario, Status.PASSED, null);
        bus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ofSeconds(2), null)));

        String index = Files.readString(run.resolve("index.html"));
        assertThat(index).contains("Wait trends over the last 2 runs", "20241231-100000", "20250101-100000", "2 runs</text>")
                .contains("Scenario outcomes over the last 2 runs", "<title>20241231-100000 (abc): 3 passed, 0 failed</title>")
                .contains("History problem: history.jsonl:2 skipped");
        assertThat(Files.readAllLines(out.resolve("history.jsonl"))).hasSize(3);
        assertThat(warnings.toString(UTF_8)).contains("history.jsonl:2 skipped");
    }

    @Test
    void aFailureSaysWhetherTheScenarioFailedInEarlierRunsToo() throws IOException {
        Files.writeString(out.resolve("history.jsonl"), """
                {"run": "n1", "passed": 1, "failed": 1, "skipped": 0, "budgets": {}, "failedScenarios": ["bgp: Session flaps"], "passedScenarios": ["bgp: Session comes up"]}
                {"run": "n2", "passed": 2, "failed": 0, "skipped": 0, "budgets": {}, "failedScenarios": [], "passedScenarios": ["bgp: Session comes up", "bgp: Session flaps"]}
                {"run": "n3", "passed": 1, "failed": 1, "skipped": 0, "budgets": {}, "failedScenarios": ["bgp: Session flaps"], "passedScenarios": []}
                {"run": "n4", "passed": 0, "failed": 0, "skipped": 0, "budgets": {}}
                """);
        FakeStep then = FakeStep.then("the session stays Established", 5);
        TestCase flaky = FakeTestCase.scenario("bgp.feature", "Session flaps", 4, List.of(), then);
        TestCase fresh = FakeTestCase.scenario("bgp.feature", "Session comes up", 9, List.of(), then);

        bus.publish(new TestRunStarted(now));
        runScenario(flaky, Status.FAILED, new AssertionError("Idle"), then);
        runScenario(fresh, Status.FAILED, new AssertionError("Connect"), then);
        bus.publish(new TestRunFinished(tick(), new Result(Status.FAILED, Duration.ofSeconds(2), null)));

        String index = Files.readString(run.resolve("index.html"));
        assertThat(index).contains("Also failed in 2 of the 3 earlier runs of the history that ran it.")
                .contains("Passed in each of the 2 earlier runs of the history that ran it: a new failure.");
        assertThat(Files.readAllLines(out.resolve("history.jsonl")).get(4))
                .endsWith("\"failedScenarios\": [\"bgp: Session flaps\",\"bgp: Session comes up\"],\"passedScenarios\": []}");
    }

    @Test
    void anUnreadableTimelineIsAReportProblemNotALostRun() throws IOException {
        TestCase scenario = FakeTestCase.scenario("x.feature", "Broken timeline", 1, List.of());

        bus.publish(new TestRunStarted(now));
        start(scenario);
        bus.publish(new EmbedEvent(tick(), scenario, "{\"events\": [".getBytes(UTF_8), "application/json", "timeline.json"));
        finish(scenario, Status.PASSED, null);
        bus.publish(new TestRunFinished(tick(), new Result(Status.PASSED, Duration.ofSeconds(1), null)));

        assertThat(Files.readString(run.resolve("index.html"))).contains("Report problem: cannot read the waits of timeline.json");
        assertThat(run.resolve("evidence/01-x/broken-timeline/timeline.json")).exists();
    }

    private static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, UTF_8);
    }

    private void runScenario(TestCase testCase, Status status, Throwable error, TestStep... steps) {
        start(testCase);
        for (TestStep s : steps) {
            step(testCase, s, status, error);
        }
        finish(testCase, status, error);
    }

    private void start(TestCase testCase) {
        bus.publish(new TestCaseStarted(tick(), testCase));
    }

    private void step(TestCase testCase, TestStep step, Status status, Throwable error) {
        bus.publish(new TestStepStarted(tick(), testCase, step));
        bus.publish(new TestStepFinished(tick(), testCase, step, new Result(status, Duration.ofMillis(100), error)));
    }

    private void finish(TestCase testCase, Status status, Throwable error) {
        bus.publish(new TestCaseFinished(tick(), testCase, new Result(status, Duration.ofMillis(250), error)));
    }

    private Instant tick() {
        now = now.plusSeconds(1);
        return now;
    }
}
