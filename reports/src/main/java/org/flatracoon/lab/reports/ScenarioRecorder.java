package org.flatracoon.lab.reports;

import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.HookType;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestStep;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Collects the events of one running scenario. Attachments go straight to disk (a pcap can be
 * large); everything else is kept until the scenario finishes and becomes a {@link ScenarioResult}.
 * Synchronized because a ConcurrentEventListener may hear one scenario's events on any thread.
 */
final class ScenarioRecorder {

    /** Cucumber's own media type for scenario.log() when it is sent as an attachment. */
    private static final String CUCUMBER_LOG = "text/x.cucumber.log+plain";

    private final int sequence;
    private final TestCase testCase;
    private final EvidenceLayout.Placement placement;
    private final EvidenceFolder folder;
    private final Instant started;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<SavedAttachment> attachments = new ArrayList<>();
    private final List<WaitSample> waits = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String currentStep;

    ScenarioRecorder(int sequence, TestCase testCase, EvidenceLayout.Placement placement,
                     EvidenceFolder folder, Instant started) {
        this.sequence = sequence;
        this.testCase = testCase;
        this.placement = placement;
        this.folder = folder;
        this.started = started;
    }

    synchronized void stepStarted(TestStep step) {
        currentStep = step instanceof PickleStepTestStep pickleStep ? display(pickleStep) : null;
    }

    synchronized void stepFinished(TestStep step, Result result) {
        currentStep = null;
        if (step instanceof PickleStepTestStep pickleStep) {
            steps.add(new StepResult(pickleStep.getStep().getKeyword().trim(), pickleStep.getStep().getText(),
                    pickleStep.getStep().getLine(), result.getStatus(), result.getDuration(), message(result.getError())));
        } else if (step instanceof HookTestStep hook && Outcome.of(result.getStatus()) == Outcome.FAILED) {
            // Passing hooks are noise; a failing one is often the whole story (a topology that never came up).
            steps.add(new StepResult(hookName(hook.getHookType()), hook.getCodeLocation(), 0,
                    result.getStatus(), result.getDuration(), message(result.getError())));
        }
    }

    synchronized void attach(String name, String mediaType, byte[] data) {
        if (CUCUMBER_LOG.equals(mediaType)) {
            folder.appendLog(new String(data, StandardCharsets.UTF_8));
            return;
        }
        folder.save(name, mediaType, data).ifPresent(file -> attachments.add(
                new SavedAttachment(file, name, mediaType, data == null ? 0 : data.length, currentStep)));
        if (WaitSample.TIMELINE_JSON.equals(name) && data != null) {
            try {
                waits.addAll(WaitSample.fromTimeline(testCase.getName(), new String(data, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                problems.add("cannot read the waits of " + name + ": " + e.getMessage());
            }
        }
    }

    synchronized void log(String text) {
        folder.appendLog(text);
    }

    /** Builds the result and writes scenario.json beside the attachments. */
    synchronized ScenarioResult finish(Instant finished, Result result) {
        folder.writeScenarioJson(ReportJson.scenario(build(finished, result)));
        return build(finished, result); // again, so a failure to write scenario.json shows in the index
    }

    private ScenarioResult build(Instant finished, Result result) {
        Duration duration = result.getDuration() != null ? result.getDuration()
                : started != null && finished != null ? Duration.between(started, finished) : Duration.ZERO;
        return new ScenarioResult(sequence, placement.featureName(), testCase.getName(), testCase.getUri(),
                testCase.getLocation().getLine(), testCase.getTags(), result.getStatus(), started, finished,
                duration, steps, error(result), placement.evidencePath(), attachments, allProblems(), waits);
    }

    private List<String> allProblems() {
        List<String> all = new ArrayList<>(folder.problems());
        all.addAll(problems);
        return all;
    }

    /** The thrown message, or for undefined/pending steps (which throw nothing useful) the step itself. */
    private String error(Result result) {
        String thrown = message(result.getError());
        if (thrown != null || Outcome.of(result.getStatus()) != Outcome.FAILED) {
            return thrown;
        }
        return steps.stream()
                .filter(s -> Outcome.of(s.status()) == Outcome.FAILED)
                .findFirst()
                .map(s -> s.error() != null ? s.error() : lower(s.status()) + " step: " + s.display())
                .orElse(lower(result.getStatus()));
    }

    private static String lower(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Assertion messages say it all; for other exceptions the type is part of the story. */
    static String message(Throwable error) {
        if (error == null) {
            return null;
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getName();
        }
        return error instanceof AssertionError ? message : error.getClass().getName() + ": " + message;
    }

    private static String display(PickleStepTestStep step) {
        return step.getStep().getKeyword().trim() + " " + step.getStep().getText();
    }

    private static String hookName(HookType type) {
        return switch (type) {
            case BEFORE -> "Before";
            case AFTER -> "After";
            case BEFORE_STEP -> "BeforeStep";
            case AFTER_STEP -> "AfterStep";
        };
    }
}
