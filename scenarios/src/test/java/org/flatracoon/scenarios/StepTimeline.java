package org.flatracoon.scenarios;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;

/**
 * Puts each Gherkin step on the scenario's timeline: a STEP row when it starts (so the waits,
 * probes and faults it causes follow it) and one when it ends, with its status and duration.
 * A concurrent listener hears a scenario's events on the thread that runs the scenario, which is
 * the thread its timeline is bound to ({@link ScenarioEvidence}). Hooks appear only when they fail.
 */
public final class StepTimeline implements ConcurrentEventListener {

    private static final int MAX_ERROR = 300;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepStarted.class, this::started);
        publisher.registerHandlerFor(TestStepFinished.class, this::finished);
    }

    private void started(TestStepStarted event) {
        if (event.getTestStep() instanceof PickleStepTestStep step) {
            Timeline.current().record(new TimelineEvent(event.getInstant(), EventKind.STEP, text(step), "started",
                    Optional.empty(), Map.of("line", String.valueOf(step.getStep().getLine()))));
        }
    }

    private void finished(TestStepFinished event) {
        Result result = event.getResult();
        boolean failed = result.getStatus() != Status.PASSED && result.getStatus() != Status.SKIPPED;
        String subject;
        if (event.getTestStep() instanceof PickleStepTestStep step) {
            subject = text(step);
        } else if (event.getTestStep() instanceof HookTestStep hook && failed) {
            subject = "hook " + hook.getCodeLocation();
        } else {
            return;
        }
        String status = result.getStatus().name().toLowerCase(Locale.ROOT);
        String detail = result.getError() == null ? status : status + ": " + shorten(result.getError().getMessage());
        Timeline.current().record(new TimelineEvent(event.getInstant(), EventKind.STEP, subject, detail,
                Optional.ofNullable(result.getDuration()),
                Map.of(TimelineEvent.OUTCOME, failed ? TimelineEvent.FAILED : status)));
    }

    private static String text(PickleStepTestStep step) {
        return step.getStep().getKeyword().trim() + " " + step.getStep().getText();
    }

    private static String shorten(String message) {
        String oneLine = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR - 3) + "...";
    }
}
