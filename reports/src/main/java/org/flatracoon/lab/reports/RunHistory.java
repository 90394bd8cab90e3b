package org.flatracoon.lab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * history.jsonl beside the run folders (reports/out/history.jsonl): one line per run with its
 * counts and, per wait budget, the median and slowest wait. Appended at the end of every run and
 * read back for the trend charts, so keeping this one file between CI runs keeps the trends.
 * A line that does not parse (a run killed mid-write, a hand edit) is skipped and reported.
 */
final class RunHistory {

    static final String FILE = "history.jsonl";

    /** One run as the history keeps it. */
    record Entry(String run, String time, String commit, long passed, long failed, long skipped,
            Map<String, BudgetPoint> budgets, List<String> failedScenarios, List<String> passedScenarios) {

        Entry {
            budgets = Map.copyOf(budgets);
            failedScenarios = List.copyOf(failedScenarios);
            passedScenarios = List.copyOf(passedScenarios);
        }

        boolean ran(String scenario) {
            return failedScenarios.contains(scenario) || passedScenarios.contains(scenario);
        }
    }

    /** How a scenario is named across runs: its feature and its name. */
    static String scenarioKey(ScenarioResult s) {
        return s.feature() + ": " + s.name();
    }

    /** One budget in one run; limitMillis is -1 when unknown. */
    record BudgetPoint(long count, long medianMillis, long maxMillis, long limitMillis, long failed) {
    }

    private RunHistory() {
    }

    static Entry entryOf(RunSummary run, String commit, List<WaitStats> waits) {
        Map<String, BudgetPoint> budgets = new LinkedHashMap<>();
        waits.forEach(w -> budgets.put(w.budget(), new BudgetPoint(w.count(), w.median().toMillis(), w.max().toMillis(),
                w.limit() == null ? -1 : w.limit().toMillis(), w.failed())));
        return new Entry(run.runName(), run.finished() == null ? null : run.finished().toString(), commit,
                run.count(Outcome.PASSED), run.count(Outcome.FAILED), run.count(Outcome.SKIPPED), budgets,
                keys(run, Outcome.FAILED), keys(run, Outcome.PASSED));
    }

    private static List<String> keys(RunSummary run, Outcome outcome) {
        return run.scenarios().stream().filter(s -> s.outcome() == outcome).map(RunHistory::scenarioKey).toList();
    }

    static String line(Entry entry) {
        Map<String, Object> budgets = new LinkedHashMap<>();
        entry.budgets().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("count", e.getValue().count());
            point.put("medianMillis", e.getValue().medianMillis());
            point.put("maxMillis", e.getValue().maxMillis());
            point.put("limitMillis", e.getValue().limitMillis());
            point.put("failed", e.getValue().failed());
            budgets.put(e.getKey(), point);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", entry.run());
        json.put("time", entry.time());
        json.put("commit", entry.commit());
        json.put("passed", entry.passed());
        json.put("failed", entry.failed());
        json.put("skipped", entry.skipped());
        json.put("budgets", budgets);
        json.put("failedScenarios", entry.failedScenarios());
        json.put("passedScenarios", entry.passedScenarios());
        return Json.writeLine(json);
    }

    /** Appends the entry as one line (one write, so concurrent runs do not interleave within a line). */
    static void append(Path file, Entry entry) throws IOException {
        Files.writeString(file, line(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Every readable entry, oldest first; unreadable lines are named in {@code problems}. */
    static List<Entry> read(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.add("cannot read " + file + ": " + e);
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                entries.add(parse(lines.get(i)));
            } catch (RuntimeException e) {
                problems.add(file.getFileName() + ":" + (i + 1) + " skipped: " + e.getMessage());
            }
        }
        return entries;
    }

    static Entry parse(String line) {
        if (!(JsonReader.read(line) instanceof Map<?, ?> json) || !(json.get("run") instanceof String run)) {
            throw new IllegalArgumentException("not a run record");
        }
        Map<String, BudgetPoint> budgets = new LinkedHashMap<>();
        if (json.get("budgets") instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (value instanceof Map<?, ?> point) {
                    budgets.put(String.valueOf(name), new BudgetPoint(number(point, "count"), number(point, "medianMillis"),
                            number(point, "maxMillis"), number(point, "limitMillis"), number(point, "failed")));
                }
            });
        }
        return new Entry(run, text(json.get("time")), text(json.get("commit")), number(json, "passed"),
                number(json, "failed"), number(json, "skipped"), budgets, names(json, "failedScenarios"),
                names(json, "passedScenarios"));
    }

    private static List<String> names(Map<?, ?> json, String key) {
        return json.get(key) instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of();
    }

    private static long number(Map<?, ?> json, String key) {
        Object value = json.get(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value == null) {
            return key.equals("limitMillis") ? -1 : 0;
        }
        throw new IllegalArgumentException(key + " is not a number");
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
