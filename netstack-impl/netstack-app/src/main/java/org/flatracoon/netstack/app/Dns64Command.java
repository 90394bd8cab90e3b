package org.flatracoon.netstack.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.dns64.config.ConfigException;
import org.flatracoon.netstack.dns64.config.ConfigProblem;
import org.flatracoon.netstack.dns64.config.Dns64Config;
import org.flatracoon.netstack.dns64.config.Dns64ConfigLoader;
import org.flatracoon.netstack.dns64.prefix.Ipv6Text;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.dns64.server.Dns64Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack dns64 …}: the DNS64 resolver (RFC 6147) of an IPv6-only site. */
@Command(name = "dns64",
        mixinStandardHelpOptions = true,
        description = "DNS64 resolver: serve, check a configuration, or show how a prefix embeds an IPv4 address.",
        subcommands = {Dns64Command.Serve.class, Dns64Command.Check.class, Dns64Command.Synthesize.class})
final class Dns64Command implements Runnable {
    /** Exit code for a configuration with problems, as for the other services. */
    static final int CONFIG_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger("dns64");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: serve, check or synthesize");
    }

    /** One line per problem, {@code FILE:LINE: message}, then the count. */
    static void printProblems(ConfigException e, PrintWriter err) {
        e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
        int n = e.problems().size();
        if (n > 1 || e.problems().get(0).line() > 0) {
            err.println(e.problems().get(0).file() + ": " + n + (n == 1 ? " problem" : " problems"));
        }
    }

    @Command(name = "serve",
            mixinStandardHelpOptions = true,
            description = "Serve DNS64 over UDP and TCP with /health and /metrics over HTTP; runs until SIGTERM.")
    static final class Serve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "YAML configuration: listen, upstream, prefix, exclude, cache, http.")
        Path config;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            Dns64Config settings;
            try {
                settings = Dns64ConfigLoader.load(config);
            } catch (ConfigException e) {
                printProblems(e, err);
                return CONFIG_ERROR;
            }
            Dns64Server server;
            try {
                server = Dns64Server.start(settings);
            } catch (IOException e) {
                err.println(spec.qualifiedName() + ": cannot listen on DNS port " + settings.port() + " or HTTP port "
                        + settings.httpPort() + ": " + Netstack.describe(e));
                return Netstack.FAILURE;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, stopped), "dns64-shutdown"));
            LOG.info("dns64: {}", server.describe());
            stopped.await();
            return 0;
        }

        private static void stop(Dns64Server server, CountDownLatch stopped) {
            LOG.info("dns64: stopping");
            try {
                server.close();
                LOG.info("dns64: stopped");
            } catch (IOException e) {
                LOG.warn("dns64: error while stopping: {}", e.toString());
            } finally {
                stopped.countDown();
            }
        }
    }

    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = "Check a DNS64 configuration: prints each problem as FILE:LINE: message and exits 2 if there are any.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "YAML configuration of netstack dns64 serve.")
        Path file;

        @Override
        public Integer call() {
            try {
                Dns64Config config = Dns64ConfigLoader.load(file);
                spec.commandLine().getOut().println(file + ": OK, prefix " + config.prefix() + ", " + config.upstream().size()
                        + (config.upstream().size() == 1 ? " upstream" : " upstreams") + ", exclude " + config.exclude());
                return 0;
            } catch (ConfigException e) {
                printProblems(e, spec.commandLine().getErr());
                return CONFIG_ERROR;
            }
        }
    }

    @Command(name = "synthesize",
            mixinStandardHelpOptions = true,
            description = "Print the IPv6 address that PREFIX gives IPV4 (RFC 6052), e.g. fd64:ff9b::/96 198.51.100.10.")
    static final class Synthesize implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PREFIX", description = "/32, /40, /48, /56, /64 or /96 IPv6 prefix.")
        String prefix;

        @Parameters(index = "1", paramLabel = "IPV4", description = "IPv4 address to embed.")
        String ipv4;

        @Override
        public Integer call() {
            Pref64 pref64;
            try {
                pref64 = Pref64.parse(prefix);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "PREFIX " + e.getMessage());
            }
            byte[] v4 = Address.toByteArray(ipv4.strip(), Address.IPv4);
            if (v4 == null) {
                throw new ParameterException(spec.commandLine(), "IPV4 '" + ipv4 + "' is not an IPv4 address");
            }
            Inet4Address address;
            try {
                address = (Inet4Address) InetAddress.getByAddress(v4);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always an address
            }
            spec.commandLine().getOut().println(Ipv6Text.format(pref64.embed(address)));
            if (!pref64.mayRepresent(address)) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": note: " + ipv4 + " is not a global address;"
                        + " the Well-Known Prefix must not represent it (RFC 6052 §3.1), so our DNS64 does not synthesise"
                        + " it: use a network-specific prefix");
            }
            return 0;
        }
    }
}
