package org.flatracoon.netstack.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.overlay.agent.Agent;
import org.flatracoon.netstack.overlay.config.AgentSettings;
import org.flatracoon.netstack.overlay.config.ConfigException;
import org.flatracoon.netstack.overlay.config.ControllerSettings;
import org.flatracoon.netstack.overlay.controller.ControllerServer;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack overlay …}: the encrypted peer-to-peer overlay (controller and member agent). */
@Command(name = "overlay",
        mixinStandardHelpOptions = true,
        description = "Encrypted peer-to-peer overlay in ZeroTier's model: controller and member agent.",
        subcommands = {OverlayCommand.Controller.class, OverlayCommand.MemberAgent.class,
                OverlayCommand.IdentityCommand.class})
final class OverlayCommand implements Runnable {
    /** Exit code for a configuration file with problems (as `hesiod serve`). */
    static final int CONFIG_ERROR = 2;
    private static final Logger LOG = LoggerFactory.getLogger("overlay");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: controller, agent or identity");
    }

    /** Runs until SIGTERM/SIGINT, then closes the service. */
    private static int serveUntilStopped(AutoCloseable service, String name) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("overlay {}: stopping", name);
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("overlay {}: error while stopping: {}", name, e.toString());
            }
            stopped.countDown();
        }, "overlay-shutdown"));
        stopped.await();
        return 0;
    }

    private static void printProblems(ConfigException e, PrintWriter err) {
        e.problems().forEach(err::println);
    }

    @Command(name = "controller", mixinStandardHelpOptions = true,
            description = "Run the network controller: REST API (ZeroTier shapes), signed member configs, relay.")
    static final class Controller implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration.")
        Path config;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            ControllerServer server;
            try {
                server = ControllerServer.start(ControllerSettings.load(config));
            } catch (ConfigException e) {
                printProblems(e, err);
                return CONFIG_ERROR;
            } catch (IOException e) {
                err.println(spec.qualifiedName() + ": " + Netstack.describe(e));
                return Netstack.FAILURE;
            }
            LOG.info("overlay: {}", server.describe());
            return serveUntilStopped(server, "controller");
        }
    }

    @Command(name = "agent", mixinStandardHelpOptions = true,
            description = "Run a member agent: join the network, bring up the TAP, carry frames to peers.")
    static final class MemberAgent implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML configuration.")
        Path config;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            Agent agent;
            try {
                agent = Agent.start(AgentSettings.load(config));
            } catch (ConfigException e) {
                printProblems(e, err);
                return CONFIG_ERROR;
            } catch (IOException e) {
                err.println(spec.qualifiedName() + ": " + Netstack.describe(e));
                return Netstack.FAILURE;
            }
            LOG.info("overlay: {}", agent.describe());
            return serveUntilStopped(agent, "agent");
        }
    }

    @Command(name = "identity", mixinStandardHelpOptions = true,
            description = "Print the public identity of a state dir (creating the identity if there is none).")
    static final class IdentityCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/var/lib/flatracoon-overlay",
                description = "State directory (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(Identity.loadOrCreate(stateDir).publicIdentity());
                return 0;
            } catch (IOException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Netstack.describe(e));
                return Netstack.FAILURE;
            }
        }
    }
}
