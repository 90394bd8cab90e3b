package org.flatracoon.netstack.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.flatracoon.netstack.bgp.config.BgpConfig;
import org.flatracoon.netstack.bgp.config.ConfigException;
import org.flatracoon.netstack.bgp.config.ConfigLoader;
import org.flatracoon.netstack.bgp.config.ConfigProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netstack bgp check FILE}: validates a router configuration and lists every problem with its line. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a BGP router configuration: prints each problem as FILE:LINE: message and exits 1 if there are any.")
final class BgpCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "YAML router configuration.")
    Path file;

    @Override
    public Integer call() {
        try {
            BgpConfig config = ConfigLoader.load(file);
            spec.commandLine().getOut().println(file + ": OK, " + config.describe());
            return 0;
        } catch (ConfigException e) {
            PrintWriter err = spec.commandLine().getErr();
            printProblems(e, err);
            int n = e.problems().size();
            if (!(n == 1 && e.problems().get(0).line() == 0)) {
                err.println(file + ": " + n + (n == 1 ? " problem" : " problems"));
            }
            return Netstack.FAILURE;
        }
    }

    static void printProblems(ConfigException e, PrintWriter err) {
        for (ConfigProblem p : e.problems()) {
            err.println(p);
        }
    }
}
