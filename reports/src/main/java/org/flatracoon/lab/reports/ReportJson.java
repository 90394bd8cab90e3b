package org.flatracoon.lab.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shapes of scenario.json and summary.json. Durations are in milliseconds, times in ISO-8601 UTC. */
final class ReportJson {

    private ReportJson() {
    }

    static String scenario(ScenarioResult s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", s.name());
        json.put("feature", s.feature());
        json.put("uri", String.valueOf(s.uri()));
        json.put("line", s.line());
        json.put("tags", s.tags());
        json.put("status", status(s));
        json.put("outcome", s.outcome().label());
        json.put("started", time(s.started()));
        json.put("finished", time(s.finished()));
        json.put("durationMillis", millis(s.duration()));
        json.put("error", s.error());
        json.put("steps", s.steps().stream().map(ReportJson::step).toList());
        json.put("attachments", s.attachments().stream().map(ReportJson::attachment).toList());
        json.put("log", EvidenceFolder.LOG);
        if (!s.problems().isEmpty()) {
            json.put("reportProblems", s.problems());
        }
        return Json.write(json);
    }

    static String summary(RunSummary run) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("passed", run.count(Outcome.PASSED));
        counts.put("failed", run.count(Outcome.FAILED));
        counts.put("skipped", run.count(Outcome.SKIPPED));
        counts.put("total", (long) run.scenarios().size());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run.runName());
        json.put("result", run.passed() ? "passed" : "failed");
        json.put("started", time(run.started()));
        json.put("finished", time(run.finished()));
        json.put("durationMillis", millis(run.duration()));
        json.put("scenarioMillis", millis(run.scenarioTime()));
        json.put("counts", counts);
        json.put("runError", run.runError());
        json.put("index", IndexPage.FILE);
        json.put("cucumberHtml", IndexPage.CUCUMBER_HTML);
        json.put("scenarios", run.failedFirst().stream().map(ReportJson::scenarioLine).toList());
        return Json.write(json);
    }

    /** waits.json: per budget the figures of the index's wait table, then every measured wait. */
    static String waits(RunSummary run, List<WaitStats> stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run.runName());
        json.put("budgets", stats.stream().map(ReportJson::budget).toList());
        json.put("waits", run.scenarios().stream().flatMap(s -> s.waits().stream()).map(ReportJson::wait).toList());
        return Json.write(json);
    }

    private static Map<String, Object> budget(WaitStats w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("budget", w.budget());
        json.put("count", w.count());
        json.put("minMillis", millis(w.min()));
        json.put("medianMillis", millis(w.median()));
        json.put("p95Millis", millis(w.p95()));
        json.put("maxMillis", millis(w.max()));
        json.put("limitMillis", millis(w.limit()));
        json.put("ranOut", w.failed());
        return json;
    }

    private static Map<String, Object> wait(WaitSample w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", w.scenario());
        json.put("budget", w.budget());
        json.put("what", w.what());
        json.put("tookMillis", millis(w.took()));
        json.put("limitMillis", millis(w.limit()));
        json.put("met", w.met());
        return json;
    }

    private static Map<String, Object> scenarioLine(ScenarioResult s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("feature", s.feature());
        json.put("name", s.name());
        json.put("uri", String.valueOf(s.uri()));
        json.put("line", s.line());
        json.put("tags", s.tags());
        json.put("status", status(s));
        json.put("outcome", s.outcome().label());
        json.put("durationMillis", millis(s.duration()));
        json.put("error", s.error());
        json.put("evidence", s.evidencePath());
        s.attachment(ScenarioResult.TIMELINE_HTML).ifPresent(file -> json.put("timeline", s.evidencePath() + "/" + file));
        return json;
    }

    private static Map<String, Object> step(StepResult step) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keyword", step.keyword());
        json.put("text", step.text());
        if (step.line() > 0) {
            json.put("line", step.line());
        }
        json.put("status", step.status().name().toLowerCase(Locale.ROOT));
        json.put("durationMillis", millis(step.duration()));
        if (step.error() != null) {
            json.put("error", step.error());
        }
        return json;
    }

    private static Map<String, Object> attachment(SavedAttachment a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", a.file());
        json.put("name", a.name());
        json.put("mediaType", a.mediaType());
        json.put("bytes", a.bytes());
        json.put("step", a.step());
        return json;
    }

    private static String status(ScenarioResult s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
