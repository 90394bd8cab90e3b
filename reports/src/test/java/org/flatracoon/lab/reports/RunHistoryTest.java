package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history.jsonl: one line per run, appended, read back oldest first; a broken line costs only itself. */
class RunHistoryTest {

    private static RunHistory.Entry entry(String run, long median, long max) {
        return new RunHistory.Entry(run, "2025-01-01T10:00:00Z", "0123abcd", 5, 1, 0,
                Map.of("link-change", new RunHistory.BudgetPoint(3, median, max, 10000, 0)), List.of("lab: a link \"flaps\""), List.of("lab: b"));
    }

    @Test
    void appendedRunsAreReadBackInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunHistory.FILE);
        RunHistory.append(file, entry("run-1", 100, 900));
        RunHistory.append(file, entry("run-2", 120, 4000));
        List<String> problems = new ArrayList<>();

        List<RunHistory.Entry> read = RunHistory.read(file, problems);

        assertThat(read).containsExactly(entry("run-1", 100, 900), entry("run-2", 120, 4000));
        assertThat(problems).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{\"run\": "));
    }

    @Test
    void aBrokenLineIsSkippedAndNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunHistory.FILE);
        Files.writeString(file, "{\"run\": \"ok\", \"budgets\": {}}\n{\"run\": 7}\n\n{\"run\": \"cut");
        List<String> problems = new ArrayList<>();

        assertThat(RunHistory.read(file, problems)).extracting(RunHistory.Entry::run).containsExactly("ok");
        assertThat(problems).containsExactly("history.jsonl:2 skipped: not a run record",
                "history.jsonl:4 skipped: not JSON at offset 12: unterminated string");
    }

    @Test
    void noHistoryYetIsEmpty(@TempDir Path dir) {
        assertThat(RunHistory.read(dir.resolve(RunHistory.FILE), new ArrayList<>())).isEmpty();
    }

    @Test
    void trendsKeepTheLastRunsAndChartEachBudgetOverThem() {
        List<RunHistory.Entry> runs = new ArrayList<>();
        for (int i = 1; i <= RunTrends.RUNS_SHOWN + 5; i++) {
            runs.add(entry("run-" + i, i, 10L * i));
        }

        RunTrends trends = new RunTrends(List.of(), runs, List.of());

        assertThat(trends.history()).hasSize(RunTrends.RUNS_SHOWN).first().extracting(RunHistory.Entry::run).isEqualTo("run-6");
        List<TrendChart.Point> points = trends.chartPoints().get("link-change");
        assertThat(points).hasSize(RunTrends.RUNS_SHOWN);
        assertThat(points.get(points.size() - 1)).isEqualTo(new TrendChart.Point("run-35", 35, 350, 10000, 0));
    }
}
