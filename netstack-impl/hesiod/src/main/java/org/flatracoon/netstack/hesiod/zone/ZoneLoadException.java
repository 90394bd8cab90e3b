package org.flatracoon.netstack.hesiod.zone;

import java.util.List;
import java.util.stream.Collectors;

/** A zone could not be loaded. Carries every problem found, so that one run shows them all. */
public final class ZoneLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ZoneProblem> problems;

    public ZoneLoadException(List<ZoneProblem> problems) {
        super(problems.stream().map(ZoneProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ZoneLoadException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ZoneProblem> problems() {
        return problems;
    }
}
