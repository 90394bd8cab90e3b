package org.flatracoon.lab.reports;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The waits of a run for one budget: how many, how long (min, median, p95, max) against the
 * budget's limit, and how many ran out. Nearest-rank percentiles: every figure is a measured wait.
 */
record WaitStats(String budget, int count, Duration min, Duration median, Duration p95, Duration max, Duration limit,
        int failed) {

    /** One line per budget, by budget name. */
    static List<WaitStats> perBudget(List<WaitSample> samples) {
        Map<String, List<WaitSample>> byBudget = samples.stream()
                .collect(Collectors.groupingBy(WaitSample::budget, TreeMap::new, Collectors.toList()));
        return byBudget.entrySet().stream().map(entry -> of(entry.getKey(), entry.getValue())).toList();
    }

    private static WaitStats of(String budget, List<WaitSample> samples) {
        List<Duration> sorted = samples.stream().map(WaitSample::took).sorted().toList();
        Duration limit = samples.stream().map(WaitSample::limit).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        int failed = (int) samples.stream().filter(sample -> !sample.met()).count();
        return new WaitStats(budget, sorted.size(), sorted.get(0), rank(sorted, 0.5), rank(sorted, 0.95),
                sorted.get(sorted.size() - 1), limit, failed);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static Duration rank(List<Duration> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** How much of the budget the slowest wait used, 0..1+ ; -1 when the limit is unknown. */
    double maxShareOfLimit() {
        return limit == null || limit.isZero() ? -1 : (double) max.toMillis() / limit.toMillis();
    }
}
