package org.flatracoon.lab.topology;

import java.util.List;
import java.util.stream.Collectors;

/** A topology file could not be loaded; carries every problem found, in file order. */
public class TopologyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<TopologyProblem> problems;

    public TopologyException(List<TopologyProblem> problems) {
        super(problems.stream().map(TopologyProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a TopologyException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<TopologyProblem> problems() {
        return problems;
    }
}
