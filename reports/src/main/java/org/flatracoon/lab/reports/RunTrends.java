package org.flatracoon.lab.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the index shows beyond the scenarios: this run's wait times per budget, and the last runs
 * of the history (this one included, last) for the trend charts.
 *
 * @param problems history lines that could not be read, or a history that could not be written
 */
record RunTrends(List<WaitStats> waits, List<RunHistory.Entry> history, List<String> problems) {

    /** How many runs the trend charts go back. */
    static final int RUNS_SHOWN = 30;

    static final RunTrends NONE = new RunTrends(List.of(), List.of(), List.of());

    RunTrends {
        waits = List.copyOf(waits);
        history = List.copyOf(history.subList(Math.max(0, history.size() - RUNS_SHOWN), history.size()));
        problems = List.copyOf(problems);
    }

    /**
     * For a scenario that failed in this run: of the shown earlier runs that ran it, how many, and
     * in how many it failed too. None before suggests a regression; some, a flake.
     */
    EarlierRuns earlierRuns(ScenarioResult scenario) {
        List<RunHistory.Entry> earlier = history.isEmpty() ? List.of() : history.subList(0, history.size() - 1);
        String key = RunHistory.scenarioKey(scenario);
        List<RunHistory.Entry> ranIt = earlier.stream().filter(entry -> entry.ran(key)).toList();
        return new EarlierRuns(ranIt.size(), (int) ranIt.stream().filter(entry -> entry.failedScenarios().contains(key)).count());
    }

    /** How a scenario fared in the earlier runs of the history that ran it. */
    record EarlierRuns(int ran, int failed) {
    }

    /** Per budget seen in the shown runs, by name: its figures in each run that waited within it. */
    Map<String, List<TrendChart.Point>> chartPoints() {
        Map<String, List<TrendChart.Point>> points = new LinkedHashMap<>();
        TreeSet<String> budgets = new TreeSet<>();
        history.forEach(entry -> budgets.addAll(entry.budgets().keySet()));
        for (String budget : budgets) {
            List<TrendChart.Point> series = new ArrayList<>();
            for (RunHistory.Entry entry : history) {
                RunHistory.BudgetPoint point = entry.budgets().get(budget);
                if (point != null) {
                    series.add(new TrendChart.Point(entry.run(), point.medianMillis(), point.maxMillis(),
                            point.limitMillis(), point.failed()));
                }
            }
            points.put(budget, series);
        }
        return points;
    }
}
