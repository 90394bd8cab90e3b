package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers problems instead of throwing, so one run of the loader reports all of them.
 * Identical problems are kept once: a bad default is inherited by many nodes but is one mistake.
 */
final class ProblemCollector {

    private final Path file;
    private final Set<TopologyProblem> problems = new LinkedHashSet<>();

    ProblemCollector(Path file) {
        this.file = file;
    }

    void report(int line, String message) {
        problems.add(new TopologyProblem(file, line, message));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order; problems on the same line keep the order they were found in. */
    List<TopologyProblem> problems() {
        List<TopologyProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(TopologyProblem::line));
        return sorted;
    }

    void throwIfAny() throws TopologyException {
        if (!problems.isEmpty()) {
            throw new TopologyException(problems());
        }
    }
}
