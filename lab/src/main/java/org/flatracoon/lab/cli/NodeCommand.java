package org.flatracoon.lab.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.topology.TopologyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `lab node LAB NODE ACTION`: crash, stop, start, reboot, freeze or thaw one node of a running lab. */
@Command(name = "node", description = "Acts on one node of a running lab: lab node LAB NODE stop|start|restart|pause|unpause|kill "
        + "(start and restart return once the node is ready again)")
final class NodeCommand implements Callable<Integer> {

    private static final List<String> ACTIONS = List.of("stop", "start", "restart", "pause", "unpause", "kill");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB")
    String lab;

    @Parameters(index = "1", paramLabel = "NODE")
    String node;

    @Parameters(index = "2", paramLabel = "ACTION", description = "stop, start, restart, pause, unpause or kill")
    String action;

    @Override
    public Integer call() throws TopologyException {
        if (!ACTIONS.contains(action)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown node action '" + action + "'; use one of "
                    + ACTIONS);
        }
        RunningLab running = AttachedLab.attach(lab);
        LabNode target = running.node(node);
        switch (action) {
            case "stop" -> target.stop();
            case "start" -> target.start();
            case "restart" -> target.restart();
            case "pause" -> target.pause();
            case "unpause" -> target.unpause();
            default -> target.kill();
        }
        List<FaultEntry> done = running.faults().schedule();
        FaultEntry entry = done.get(done.size() - 1);
        spec.commandLine().getOut().println(entry.outcome() + ": " + entry.action().words() + " " + node + " ("
                + entry.took().toMillis() + " ms)");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
