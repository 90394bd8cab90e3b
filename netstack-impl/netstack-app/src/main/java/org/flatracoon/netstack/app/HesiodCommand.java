package org.flatracoon.netstack.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack hesiod …}: the authoritative Hesiod DNS server. */
@Command(name = "hesiod",
        mixinStandardHelpOptions = true,
        description = "Authoritative Hesiod DNS server (classes IN and HS).",
        subcommands = {HesiodServeCommand.class, HesiodCheckCommand.class, HesiodGenerateCommand.class})
final class HesiodCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: serve, check or generate");
    }
}
