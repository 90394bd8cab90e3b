package org.flatracoon.netstack.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netstack hesiod check FILE}: validates a zone file and lists every problem with its line. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a Hesiod zone file: prints each problem as FILE:LINE: message and exits 1 if there are any.")
final class HesiodCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "RFC 1035 master file of the zone.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            HesiodZone zone = ZoneLoader.load(file);
            out.println(file + ": OK, " + zone);
            return 0;
        } catch (ZoneLoadException e) {
            printProblems(e, err);
            int n = e.problems().size();
            boolean justUnreadable = n == 1 && e.problems().get(0).line() == 0;
            if (!justUnreadable) {
                err.println(file + ": " + n + (n == 1 ? " problem" : " problems"));
            }
            return Netstack.FAILURE;
        }
    }

    /** One line per problem, {@code FILE:LINE: message}. */
    static void printProblems(ZoneLoadException e, PrintWriter err) {
        for (ZoneProblem p : e.problems()) {
            err.println(p);
        }
    }
}
