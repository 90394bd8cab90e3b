package org.flatracoon.lab.fault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a lab's fault schedule: what was done to which nodes, when (from the moment the
 * lab was ready), with which parameters, and how it went.
 *
 * @param offset time from lab-ready to the start of the action
 * @param target the node(s) acted on: a link's two nodes, a partition's nodes, one node
 * @param params the action's parameters as text, e.g. percent=20, from=a
 * @param outcome "applied", "skipped: …" (the machine cannot) or "failed: …"
 * @param took how long applying it took
 */
public record FaultEntry(Duration offset, FaultAction action, List<String> target, Map<String, String> params,
        String outcome, Duration took) {

    public static final String APPLIED = "applied";

    public FaultEntry {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(action, "action");
        target = List.copyOf(target);
        params = Map.copyOf(params);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(took, "took");
    }

    public boolean applied() {
        return APPLIED.equals(outcome);
    }

    /** One line for people: "+12.345 s  link loss a b  from=a percent=20  applied (310 ms)". */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "+%.3f s  %s %s",
                offset.toMillis() / 1000.0, action.words(), String.join(" ", target)));
        if (!params.isEmpty()) {
            line.append("  ");
            new java.util.TreeMap<>(params).forEach((key, value) -> line.append(key).append('=').append(value).append(' '));
            line.setLength(line.length() - 1);
        }
        return line.append("  ").append(outcome).append(" (").append(took.toMillis()).append(" ms)").toString();
    }
}
