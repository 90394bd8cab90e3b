package org.flatracoon.netstack.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack bgp …}: our BGP-4 speaker. */
@Command(name = "bgp",
        mixinStandardHelpOptions = true,
        description = "BGP-4 speaker: sessions with BIRD, FRR, GoBGP, ExaBGP; policy; kernel routes; status API.",
        subcommands = {BgpServeCommand.class, BgpCheckCommand.class, BgpInjectCommand.class})
final class BgpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: serve, check or inject");
    }
}
