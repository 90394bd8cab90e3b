package org.flatracoon.lab.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.flatracoon.lab.backend.Direction;
import org.flatracoon.lab.backend.LabLink;
import org.flatracoon.lab.backend.Rate;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.topology.TopologyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `lab fault LAB …`: disturbs a running lab's links, or cuts it apart and heals it. */
@Command(name = "fault", description = {
        "Disturbs a running lab:",
        "  lab fault LAB link A B down|up|blackhole|clear",
        "  lab fault LAB link A B loss PERCENT [--from A]",
        "  lab fault LAB link A B rate RATE [--from A]      (RATE like 10mbit, 512kbit)",
        "  lab fault LAB link A B delay MS [--jitter MS]    (needs the kernel's netem)",
        "  lab fault LAB partition N1,N2,…                  (cut these nodes off from the rest)",
        "  lab fault LAB heal                               (heal every partition)",
        "  lab fault LAB list                               (what disturbs each node now, whoever did it)"})
final class FaultCommand implements Callable<Integer> {

    private static final List<String> LINK_ACTIONS = List.of("down", "up", "blackhole", "clear", "loss", "rate", "delay");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB")
    String lab;

    @Parameters(index = "1..*", paramLabel = "WHAT", arity = "1..*", description = "link A B ACTION [VALUE] | partition NODES | heal")
    List<String> words;

    @Option(names = "--from", paramLabel = "NODE", description = "loss or rate only for what this node sends (default: both ways)")
    String from;

    @Option(names = "--jitter", paramLabel = "MS", description = "delay varies by up to this much (default 0)")
    Integer jitterMs;

    @Override
    public Integer call() throws TopologyException {
        String what = words.get(0);
        switch (what) {
            case "link" -> checkLinkWords();
            case "partition" -> expect(words.size() == 2, "partition needs the nodes to cut off, comma-separated: lab fault "
                    + lab + " partition N1,N2");
            case "heal" -> expect(words.size() == 1, "heal takes nothing more: lab fault " + lab + " heal");
            case "list" -> {
                expect(words.size() == 1, "list takes nothing more: lab fault " + lab + " list");
                return list();
            }
            default -> throw usage("unknown fault '" + what + "'; use link, partition, heal or list");
        }
        RunningLab running = AttachedLab.attach(lab);
        switch (what) {
            case "link" -> applyToLink(running.link(words.get(1), words.get(2)));
            case "partition" -> running.partition(nodes(words.get(1)));
            default -> running.healPartitions();
        }
        List<FaultEntry> done = running.faults().schedule();
        FaultEntry entry = done.get(done.size() - 1);
        spec.commandLine().getOut().println(entry.outcome() + ": " + String.join(" ", entry.action().words(),
                String.join(" ", entry.target())).strip() + params(entry) + " (" + entry.took().toMillis() + " ms)");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int list() {
        var docker = org.flatracoon.lab.docker.DockerEngine.client();
        var summary = new org.flatracoon.lab.docker.LabInventory(docker).labs().stream()
                .filter(l -> l.name().equals(lab)).findFirst()
                .orElseThrow(() -> new org.flatracoon.lab.backend.LabException("no lab named " + lab + " is running (see `lab ps`)"));
        TextTable table = new TextTable("NODE", "FAULT");
        new org.flatracoon.lab.docker.FaultsInForce(docker).of(summary).forEach((node, faults) -> {
            if (faults.isEmpty()) {
                table.row(node, "-");
            }
            faults.forEach(fault -> table.row(node, fault));
        });
        spec.commandLine().getOut().print(table.render());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void checkLinkWords() {
        expect(words.size() >= 4, "link needs two nodes and an action: lab fault " + lab + " link A B "
                + String.join("|", LINK_ACTIONS));
        String action = words.get(3);
        expect(LINK_ACTIONS.contains(action), "unknown link action '" + action + "'; use one of " + LINK_ACTIONS);
        boolean needsValue = List.of("loss", "rate", "delay").contains(action);
        expect(words.size() == (needsValue ? 5 : 4), needsValue
                ? action + " needs a value: lab fault " + lab + " link " + words.get(1) + " " + words.get(2) + " " + action + " "
                        + valueLabel(action)
                : action + " takes no value");
        expect(from == null || List.of("loss", "rate").contains(action), "--from goes with loss or rate only");
        expect(jitterMs == null || action.equals("delay"), "--jitter goes with delay only");
        if (needsValue) {
            value(action, words.get(4)); // refuse a bad value before anything is changed
        }
    }

    private void applyToLink(LabLink link) {
        Direction direction = from == null ? Direction.BOTH : Direction.from(from);
        switch (words.get(3)) {
            case "down" -> link.down();
            case "up" -> link.up();
            case "blackhole" -> link.blackhole();
            case "clear" -> link.clear();
            case "loss" -> link.loss((Double) value("loss", words.get(4)), direction);
            case "rate" -> link.rateLimit((Rate) value("rate", words.get(4)), direction);
            default -> link.delay((Duration) value("delay", words.get(4)),
                    Duration.ofMillis(jitterMs == null ? 0 : jitterMs));
        }
    }

    private Object value(String action, String text) {
        try {
            return switch (action) {
                case "loss" -> {
                    double percent = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
                    expect(percent > 0 && percent <= 100, "loss must be above 0 and at most 100 percent, got " + text);
                    yield percent;
                }
                case "rate" -> Rate.parse(text);
                default -> {
                    long ms = Long.parseLong(text);
                    expect(ms > 0, "delay must be a positive number of milliseconds, got " + text);
                    yield Duration.ofMillis(ms);
                }
            };
        } catch (NumberFormatException e) {
            throw usage("invalid " + action + " value '" + text + "'; expected " + valueLabel(action));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static String valueLabel(String action) {
        return switch (action) {
            case "loss" -> "PERCENT (e.g. 20)";
            case "rate" -> "RATE (e.g. 10mbit)";
            default -> "MS (e.g. 100)";
        };
    }

    private static Set<String> nodes(String list) {
        return new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static String params(FaultEntry entry) {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(entry.params()).forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        return text.toString();
    }

    private void expect(boolean condition, String problem) {
        if (!condition) {
            throw usage(problem);
        }
    }

    private CommandLine.ParameterException usage(String problem) {
        return new CommandLine.ParameterException(spec.commandLine(), problem);
    }
}
