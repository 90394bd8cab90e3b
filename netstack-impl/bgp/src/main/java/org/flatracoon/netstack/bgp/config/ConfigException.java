package org.flatracoon.netstack.bgp.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem of a configuration file at once. */
public final class ConfigException extends Exception {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
