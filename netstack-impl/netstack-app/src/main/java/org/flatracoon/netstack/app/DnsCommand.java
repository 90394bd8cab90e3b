package org.flatracoon.netstack.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack dns …}: DNS test tools. */
@Command(name = "dns",
        mixinStandardHelpOptions = true,
        description = "DNS test tools.",
        subcommands = {DnsSendMalformedCommand.class})
final class DnsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: send-malformed");
    }
}
