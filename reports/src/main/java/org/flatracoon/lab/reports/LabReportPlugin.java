package org.flatracoon.lab.reports;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import io.cucumber.plugin.event.WriteEvent;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Cucumber plugin writing the lab's run folder: per-scenario evidence, scenario.json, log.txt,
 * index.html and summary.json. Configure it with
 * {@code cucumber.plugin=org.flatracoon.lab.reports.LabReportPlugin:reports/out/<run>}.
 *
 * <p>It sees only Cucumber events (events → model → files) and never fails the run: anything it
 * cannot record is reported on stderr and in the index instead of being thrown at Cucumber.
 */
public final class LabReportPlugin implements ConcurrentEventListener {

    static final String SUMMARY_JSON = "summary.json";
    static final String WAITS_JSON = "waits.json";

    private final Path runFolder;
    private final PrintStream console;
    private final PrintStream warnings;
    private final EvidenceLayout layout = new EvidenceLayout();
    private final Map<UUID, ScenarioRecorder> running = new ConcurrentHashMap<>();
    private final List<ScenarioResult> finished = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Instant runStarted;

    /**
     * Called by Cucumber with the text after {@code LabReportPlugin:}. Cucumber accepts one
     * single-argument constructor of String, File, URI, URL, OutputStream or Appendable (no Path);
     * File says "this is a folder" best.
     */
    public LabReportPlugin(File runFolder) {
        this(runFolder.toPath(), System.out, System.err);
    }

    LabReportPlugin(Path runFolder, PrintStream console, PrintStream warnings) {
        this.runFolder = runFolder.toAbsolutePath().normalize();
        this.console = console;
        this.warnings = warnings;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, guarded(layout::sourceParsed));
        publisher.registerHandlerFor(TestRunStarted.class, guarded(this::runStarted));
        publisher.registerHandlerFor(TestCaseStarted.class,
                guarded(e -> recorder(e.getTestCase(), e.getInstant())));
        publisher.registerHandlerFor(TestStepStarted.class,
                guarded(e -> recorder(e.getTestCase(), e.getInstant()).stepStarted(e.getTestStep())));
        publisher.registerHandlerFor(TestStepFinished.class,
                guarded(e -> recorder(e.getTestCase(), e.getInstant()).stepFinished(e.getTestStep(), e.getResult())));
        publisher.registerHandlerFor(EmbedEvent.class,
                guarded(e -> recorder(e.getTestCase(), e.getInstant()).attach(e.getName(), e.getMediaType(), e.getData())));
        publisher.registerHandlerFor(WriteEvent.class,
                guarded(e -> recorder(e.getTestCase(), e.getInstant()).log(e.getText())));
        publisher.registerHandlerFor(TestCaseFinished.class, guarded(this::testCaseFinished));
        publisher.registerHandlerFor(TestRunFinished.class, guarded(this::runFinished));
    }

    private void runStarted(TestRunStarted event) {
        runStarted = event.getInstant();
        // The run folder may be reused; evidence of an earlier run would be mistaken for this one's.
        deleteRecursively(runFolder.resolve(EvidenceLayout.EVIDENCE));
    }

    /** The scenario's recorder; started here if its TestCaseStarted was missed, so no evidence is lost. */
    private ScenarioRecorder recorder(TestCase testCase, Instant at) {
        return running.computeIfAbsent(testCase.getId(), id -> {
            EvidenceLayout.Placement placement = layout.place(testCase);
            EvidenceFolder folder = new EvidenceFolder(runFolder.resolve(placement.evidencePath()));
            return new ScenarioRecorder(sequence.incrementAndGet(), testCase, placement, folder, at);
        });
    }

    private void testCaseFinished(TestCaseFinished event) {
        ScenarioResult result = recorder(event.getTestCase(), event.getInstant())
                .finish(event.getInstant(), event.getResult());
        running.remove(event.getTestCase().getId());
        result.problems().forEach(this::warn);
        synchronized (finished) {
            finished.add(result);
        }
    }

    private void runFinished(TestRunFinished event) {
        List<ScenarioResult> scenarios;
        synchronized (finished) {
            scenarios = List.copyOf(finished);
        }
        String runError = event.getResult() == null ? null : ScenarioRecorder.message(event.getResult().getError());
        RunSummary summary = new RunSummary(runFolder.getFileName().toString(), runStarted, event.getInstant(),
                scenarios, runError);
        write(SUMMARY_JSON, ReportJson.summary(summary));
        RunTrends trends = trends(summary);
        write(WAITS_JSON, ReportJson.waits(summary, trends.waits()));
        trends.problems().forEach(this::warn);
        boolean indexWritten = write(IndexPage.FILE, IndexPage.render(summary, trends));
        LatestPointer.update(runFolder).ifPresent(this::warn);
        if (indexWritten) {
            console.println("Lab report: " + runFolder.resolve(IndexPage.FILE));
        }
    }

    /**
     * This run's waits per budget, appended to the history beside the run folders, and the
     * history read back (before appending, so a history that cannot be written still shows).
     */
    private RunTrends trends(RunSummary summary) {
        List<WaitSample> samples = summary.scenarios().stream().flatMap(s -> s.waits().stream()).toList();
        List<WaitStats> waits = WaitStats.perBudget(samples);
        Path parent = runFolder.getParent();
        if (parent == null) {
            return new RunTrends(waits, List.of(), List.of());
        }
        Path historyFile = parent.resolve(RunHistory.FILE);
        List<String> problems = new ArrayList<>();
        List<RunHistory.Entry> history = new ArrayList<>(RunHistory.read(historyFile, problems));
        RunHistory.Entry thisRun = RunHistory.entryOf(summary, GitCommit.current(runFolder), waits);
        history.add(thisRun);
        try {
            RunHistory.append(historyFile, thisRun);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot append to " + historyFile + ": " + e);
        }
        return new RunTrends(waits, history, problems);
    }

    private boolean write(String fileName, String content) {
        try {
            Files.createDirectories(runFolder);
            Files.writeString(runFolder.resolve(fileName), content, StandardCharsets.UTF_8);
            return true;
        } catch (IOException | RuntimeException e) {
            warn("cannot write " + runFolder.resolve(fileName) + ": " + e);
            return false;
        }
    }

    private void deleteRecursively(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) { // does not follow links: only our own files go
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            warn("cannot clear old evidence in " + folder + ": " + e);
        }
    }

    /** A report problem must never abort the test run, so handlers report instead of throwing. */
    private <T> EventHandler<T> guarded(EventHandler<T> handler) {
        return event -> {
            try {
                handler.receive(event);
            } catch (RuntimeException e) {
                warn("could not record " + event.getClass().getSimpleName() + ": " + e);
            }
        };
    }

    private void warn(String problem) {
        warnings.println("lab-report warning: " + problem);
    }
}
