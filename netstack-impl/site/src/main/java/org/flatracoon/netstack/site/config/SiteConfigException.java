package org.flatracoon.netstack.site.config;

import java.util.List;
import java.util.stream.Collectors;

/** A site configuration that cannot be enforced, with every problem found in it. */
public final class SiteConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public SiteConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
