package org.flatracoon.lab.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.docker.DockerEngine;
import org.flatracoon.lab.docker.DockerLabBackend;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import org.flatracoon.lab.topology.TopologyLoader;

/**
 * Brings one lab up and down N times in a row, timing each bring-up (until every node is ready)
 * and each tear-down, and checks after every cycle that nothing of the lab is left: containers,
 * networks, host bridge interfaces. Not a test: `just bench-lab-cycles [N] [FILE]`.
 */
public final class UpDownCycles {

    private UpDownCycles() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].matches("[1-9][0-9]{0,3}")) {
            System.err.println("usage: UpDownCycles CYCLES FILE   (CYCLES from 1 to 9999)");
            System.exit(2);
        }
        int cycles = Integer.parseInt(args[0]);
        try {
            Topology topology = new TopologyLoader(KindRegistry.standard()).load(Path.of(args[1]));
            System.exit(run(topology, cycles) ? 0 : 1);
        } catch (TopologyException | LabException e) {
            System.err.println("bench-lab-cycles: " + e.getMessage());
            System.exit(1);
        }
    }

    private static boolean run(Topology topology, int cycles) {
        DockerLabBackend backend = new DockerLabBackend(DockerEngine.client(), KindRegistry.standard());
        List<Duration> ups = new ArrayList<>();
        List<Duration> downs = new ArrayList<>();
        System.out.printf("%d up/down cycles of lab %s (%d nodes, %d links)%n", cycles, topology.name(),
                topology.nodes().size(), topology.links().size());
        for (int i = 1; i <= cycles; i++) {
            long start = System.nanoTime();
            RunningLab lab = backend.start(topology, LabOwner.TEST_RUN);
            long up = System.nanoTime();
            lab.close();
            long down = System.nanoTime();
            ups.add(Duration.ofNanos(up - start));
            downs.add(Duration.ofNanos(down - up));
            List<String> left = lab.leftovers();
            System.out.printf(Locale.ROOT, "cycle %3d  up %6.2f s  down %5.2f s  left %s%n", i, seconds(ups.get(i - 1)),
                    seconds(downs.get(i - 1)), left.isEmpty() ? "nothing" : left);
            if (!left.isEmpty()) {
                System.out.println("FAILED: cycle " + i + " left resources behind");
                return false;
            }
        }
        System.out.println();
        System.out.println("| phase | cycles | min | median | p95 | max |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(row("bring-up (all nodes ready)", ups));
        System.out.println(row("tear-down", downs));
        System.out.println("nothing left behind after " + cycles + " cycles");
        return true;
    }

    private static String row(String phase, List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %d | %.2f s | %.2f s | %.2f s | %.2f s |", phase, sorted.size(),
                seconds(sorted.get(0)), seconds(sorted.get(sorted.size() / 2)),
                seconds(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1))),
                seconds(sorted.get(sorted.size() - 1)));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
