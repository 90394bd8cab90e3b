package org.flatracoon.netstack.app;

import java.io.PrintWriter;
import org.flatracoon.netstack.app.hesinfo.HesinfoEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code netstack} command: starts and exercises the FlatRacoon services.
 * Errors are one line on stderr and a non-zero exit code, never a stack trace.
 */
@Command(name = "netstack",
        mixinStandardHelpOptions = true,
        versionProvider = Netstack.Version.class,
        description = "Runs and exercises the FlatRacoon network stack services.",
        subcommands = {HesiodCommand.class, HesinfoCommand.class, DnsCommand.class, SiteCommand.class,
                Dns64Command.class, BgpCommand.class, OverlayCommand.class})
public final class Netstack implements Runnable {
    /** picocli's usual exit code for a command-line usage error. */
    static final int USAGE_ERROR = 2;
    static final int FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Netstack.class);

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line and returns the exit code; the seam for tests. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, HesinfoEnvironment.system(), args);
    }

    /** As above, with the environment and configuration files that {@code hesinfo} reads. */
    static int execute(PrintWriter out, PrintWriter err, HesinfoEnvironment environment, String... args) {
        CommandLine cli = new CommandLine(new Netstack(), HesinfoCommand.factory(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, ignored) -> {
            if (e.getCommandLine().getCommand() instanceof HesinfoCommand) {
                return HesinfoCommand.usageError(e, err);
            }
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + e.getMessage() + " (see '" + command + " --help')");
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            LOG.debug("command failed", e);
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Netstack.class.getPackage().getImplementationVersion();
            return new String[] {"netstack " + (version != null ? version : "(development build)")};
        }
    }
}
