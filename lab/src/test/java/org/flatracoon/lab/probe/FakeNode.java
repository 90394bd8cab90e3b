package org.flatracoon.lab.probe;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * A node that answers commands from a script instead of a container, for probe and readiness
 * tests of parsing and decisions. Answers are matched by the command's first word; each rule's
 * answers are used in order, the last one repeating.
 */
public final class FakeNode implements LabNode {

    private record Rule(String program, Deque<Function<List<String>, ExecResult>> answers) {
    }

    private final String name;
    private final List<Rule> rules = new ArrayList<>();
    private final List<List<String>> commands = new ArrayList<>();

    public FakeNode(String name) {
        this.name = name;
    }

    /** Answers every run of {@code program} with these results, in turn; the last one repeats. */
    public FakeNode answers(String program, ExecResult... results) {
        Deque<Function<List<String>, ExecResult>> queue = new ArrayDeque<>();
        for (ExecResult result : results) {
            queue.add(command -> result);
        }
        rules.add(new Rule(program, queue));
        return this;
    }

    /** Answers {@code program} by looking at its arguments. */
    public FakeNode answers(String program, Function<List<String>, ExecResult> answer) {
        Deque<Function<List<String>, ExecResult>> queue = new ArrayDeque<>();
        queue.add(answer);
        rules.add(new Rule(program, queue));
        return this;
    }

    public static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "");
    }

    public static ExecResult failed(int exitCode, String stdout, String stderr) {
        return new ExecResult(exitCode, stdout, stderr);
    }

    /** Every command run so far, in order. */
    public List<List<String>> commands() {
        return commands;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NodeSpec spec() {
        return new NodeSpec(name, "fake", "none", Optional.empty(), List.of(), java.util.Map.of(), List.of(), List.of(),
                List.of(), java.util.Map.of());
    }

    @Override
    public ExecResult exec(Duration timeout, String... command) {
        List<String> args = List.of(command);
        commands.add(args);
        for (Rule rule : rules) {
            if (rule.program().equals(command[0])) {
                Function<List<String>, ExecResult> answer = rule.answers().size() > 1
                        ? rule.answers().poll() : rule.answers().peek();
                return answer.apply(args);
            }
        }
        return new ExecResult(127, "", "sh: 1: " + command[0] + ": not found\n");
    }

    /** Scripted like {@link #exec}: the fake has one namespace, which is its own. */
    @Override
    public ExecResult execInNetworkNamespace(Duration timeout, String... command) {
        return exec(timeout, command);
    }

    @Override
    public String logs() {
        return "";
    }

    @Override
    public void kill() {
        throw new UnsupportedOperationException("a scripted node has no process to kill");
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("a scripted node has no process to start");
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("a scripted node has no process to stop");
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("a scripted node has no process to restart");
    }

    @Override
    public void pause() {
        throw new UnsupportedOperationException("a scripted node has no process to pause");
    }

    @Override
    public void unpause() {
        throw new UnsupportedOperationException("a scripted node has no process to unpause");
    }

    @Override
    public String imageId() {
        return "sha256:scripted";
    }
}
