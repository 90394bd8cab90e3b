package org.flatracoon.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.docker.DockerEngine;
import org.flatracoon.lab.docker.DockerLabBackend;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.replay.FaultPlayer;
import org.flatracoon.lab.replay.ReplayBundle;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `lab replay BUNDLE`: the lab of a failed run, brought up again and disturbed on the same schedule. */
@Command(name = "replay", description = {
        "Brings up the lab of a replay bundle (a failed scenario's replay-bundle.zip, or the folder it unzips to)",
        "and applies its faults at the same offsets from lab-ready, printing each. The lab is left up for",
        "investigation (lab exec …, lab fault …, lab down LAB) unless --down is given."})
final class ReplayCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "replay-bundle.zip or its folder")
    Path bundle;

    @Option(names = "--down", description = "remove the lab once the schedule has been played")
    boolean down;

    @Override
    public Integer call() throws IOException, TopologyException {
        if (!Files.exists(bundle)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + bundle);
        }
        PrintWriter out = spec.commandLine().getOut();
        ReplayBundle.Loaded loaded;
        try {
            // A zip is unpacked where it can stay: the lab's labels point at its topology file for `lab fault`/`lab down`.
            loaded = ReplayBundle.read(bundle, Files.createTempDirectory("flatracoon-replay-"));
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        ReplayBundle replay = loaded.bundle();
        out.println("replaying " + replay.scenario() + " (" + replay.source() + "), seed " + replay.seed()
                + ", recorded " + replay.created() + " by lab " + replay.labVersion());
        out.println("topology: " + loaded.topologyFile());
        Topology topology = LabCommand.load(loaded.topologyFile());
        RunningLab lab = new DockerLabBackend(DockerEngine.client(), KindRegistry.standard()).start(topology, LabOwner.CLI);
        out.println("lab " + lab.name() + " is up (run " + lab.runId() + "); playing " + replay.schedule().size()
                + " faults at their offsets from lab-ready");
        warnAboutOtherImages(lab, replay.imageIds(), out);
        out.flush();
        try {
            new FaultPlayer(lab, line -> {
                out.println("  " + line);
                out.flush();
            }).play(replay.schedule());
        } finally {
            if (down) {
                lab.close();
                out.println("lab " + lab.name() + " removed");
            }
        }
        if (!down) {
            out.println("lab " + lab.name() + " is left up as the schedule left it; look with `lab exec " + lab.name()
                    + " NODE -- …`, undo with `lab fault " + lab.name() + " link A B clear` / `heal`, remove with `lab down "
                    + lab.name() + "`");
        }
        out.flush();
        return 0;
    }

    private static void warnAboutOtherImages(RunningLab lab, Map<String, String> recorded, PrintWriter out) {
        for (LabNode node : lab.nodes()) {
            String then = recorded.get(node.name());
            String now = node.imageId();
            if (then != null && !then.equals(now)) {
                out.println("note: node " + node.name() + " runs " + node.spec().image() + " = " + now
                        + " here; the failed run had " + then + " (rebuild at that commit to match)");
            }
        }
    }
}
