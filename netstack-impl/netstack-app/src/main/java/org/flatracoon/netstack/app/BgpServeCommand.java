package org.flatracoon.netstack.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.bgp.config.BgpConfig;
import org.flatracoon.netstack.bgp.config.ConfigException;
import org.flatracoon.netstack.bgp.config.ConfigLoader;
import org.flatracoon.netstack.bgp.server.BgpSpeaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netstack bgp serve --config FILE}: runs the speaker until SIGTERM, then ends every session with
 * Cease/Administrative Shutdown and removes its kernel routes.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the BGP speaker (TCP 179, status API over HTTP) until SIGTERM.")
final class BgpServeCommand implements Callable<Integer> {
    /** Exit code when the configuration has problems. */
    static final int CONFIG_ERROR = 2;

    private static final Logger LOG = LoggerFactory.getLogger("bgp");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "YAML router configuration.")
    Path configFile;

    @Option(names = "--bgp-port", paramLabel = "PORT", description = "Listen on this port instead of the file's (0: any).")
    Integer bgpPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Status API port instead of the file's (0: any).")
    Integer httpPort;

    @Option(names = "--no-kernel", description = "Do not install routes into the kernel, whatever the file says.")
    boolean noKernel;

    @Override
    public Integer call() throws InterruptedException {
        BgpConfig config;
        try {
            config = ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            BgpCheckCommand.printProblems(e, spec.commandLine().getErr());
            return CONFIG_ERROR;
        }
        config = config.withPorts(bgpPort != null ? bgpPort : config.port(), httpPort != null ? httpPort : config.httpPort());
        if (noKernel) {
            config = config.withKernel(false);
        }
        BgpSpeaker speaker;
        try {
            speaker = BgpSpeaker.start(config);
        } catch (IOException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Netstack.describe(e));
            return Netstack.FAILURE;
        }
        speaker.onFatal(e -> {
            LOG.error("bgp: exiting after a fatal error: {}", e.toString());
            Runtime.getRuntime().halt(Netstack.FAILURE);
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("bgp: stopping (Cease, administrative shutdown)");
            speaker.close();
            LOG.info("bgp: stopped");
            stopped.countDown();
        }, "bgp-shutdown"));
        LOG.info("bgp: running: {}", speaker.describe());
        stopped.await();
        return 0;
    }
}
