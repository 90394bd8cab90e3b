package org.flatracoon.netstack.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.site.audit.AuditReport;
import org.flatracoon.netstack.site.audit.Finding;
import org.flatracoon.netstack.site.audit.NodeAudit;
import org.flatracoon.netstack.site.config.SiteConfigException;
import org.flatracoon.netstack.site.config.SiteConfigLoader;
import org.flatracoon.netstack.site.config.SitePolicy;
import org.flatracoon.netstack.site.enforce.NftRuleset;
import org.flatracoon.netstack.site.enforce.Shell;
import org.flatracoon.netstack.site.enforce.SiteEnforcer;
import org.flatracoon.netstack.site.enforce.SiteMetrics;
import org.flatracoon.netstack.site.enforce.SiteStatusServer;
import org.flatracoon.netstack.site.enforce.TaygaConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack site …}: the border of an IPv6-only site (nftables policy + Tayga NAT64) and the per-node audit. */
@Command(name = "site",
        mixinStandardHelpOptions = true,
        description = "IPv6-only site: enforce the border policy with NAT64, check a policy, audit a node.",
        subcommands = {SiteCommand.Enforce.class, SiteCommand.Check.class, SiteCommand.Audit.class})
final class SiteCommand implements Runnable {
    /** Exit code when the site policy is wrong, so scripts can tell it from other failures. */
    static final int CONFIG_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: enforce, check or audit");
    }

    static void printProblems(SiteConfigException e, PrintWriter err) {
        e.problems().forEach(err::println);
        int n = e.problems().size();
        err.println(n + " problem" + (n == 1 ? "" : "s") + " in the site policy; nothing was applied");
    }

    /** {@code netstack site enforce}: applies the policy, runs Tayga, serves /ipv6/health and /metrics until SIGTERM. */
    @Command(name = "enforce", mixinStandardHelpOptions = true,
            description = "Apply the site's nftables border policy, bring up Tayga (NAT64) from the same prefix and keep it"
                    + " running; serve /ipv6/health and /metrics. Runs until SIGTERM.")
    static final class Enforce implements Callable<Integer> {
        private static final Logger LOG = LoggerFactory.getLogger("site");

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", required = true, description = "The site policy (YAML).")
        Path config;

        @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/run/netstack/site",
                description = "Where the rendered tayga.conf and site.nft are written (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            SitePolicy policy;
            try {
                policy = SiteConfigLoader.load(config);
            } catch (SiteConfigException e) {
                printProblems(e, err);
                return CONFIG_ERROR;
            }
            SiteEnforcer enforcer = new SiteEnforcer(policy, Shell.system(), stateDir);
            SiteStatusServer status;
            try {
                enforcer.start();
                PrometheusRegistry registry = new PrometheusRegistry();
                SiteMetrics.register(registry, enforcer);
                status = SiteStatusServer.start(new InetSocketAddress(InetAddress.getByName("::"), policy.httpPort()),
                        enforcer, registry);
            } catch (IOException e) {
                enforcer.close();
                err.println(spec.qualifiedName() + ": " + Netstack.describe(e));
                return Netstack.FAILURE;
            }
            LOG.info("site: enforcing; /ipv6/health and /metrics on [::]:{}", status.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                status.close();
                enforcer.close();
                stopped.countDown();
            }, "site-shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** {@code netstack site check}: validates a policy and prints what enforce would apply. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a site policy; print the nftables ruleset and tayga.conf it renders.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", required = true, description = "The site policy (YAML).")
        Path config;

        @Override
        public Integer call() {
            try {
                SitePolicy policy = SiteConfigLoader.load(config);
                PrintWriter out = spec.commandLine().getOut();
                out.print(NftRuleset.render(policy));
                out.println();
                out.print(TaygaConf.render(policy.nat64()));
                return 0;
            } catch (SiteConfigException e) {
                printProblems(e, spec.commandLine().getErr());
                return CONFIG_ERROR;
            }
        }
    }

    /** {@code netstack site audit}: is this node IPv6-only? */
    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Report this node's IPv4 addresses (other than loopback), IPv4 routes and IPv4 listening sockets."
                    + " Exit 0 when the node is IPv6-only, 1 when it is not.")
    static final class Audit implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Option(names = "--node", paramLabel = "NAME", description = "Name to report the node by (default: its host name).")
        String node;

        @Option(names = "--allow-ipv4-on", paramLabel = "IFACE",
                description = "An interface that may hold IPv4 (a border's outside interfaces, Tayga's TUN); repeatable.")
        List<String> allowed = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            String name = node != null ? node : InetAddress.getLocalHost().getHostName();
            AuditReport report = NodeAudit.ofThisNode().run(name, allowed);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = JSON.createObjectNode();
                root.put("node", report.node());
                root.put("ipv6_only", report.ipv6Only());
                ArrayNode allowedOn = root.putArray("ipv4_allowed_on");
                report.ipv4AllowedOn().forEach(allowedOn::add);
                ArrayNode findings = root.putArray("findings");
                for (Finding f : report.findings()) {
                    findings.addObject().put("kind", f.kind().word()).put("where", f.where()).put("detail", f.detail());
                }
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.print(report.text());
            }
            return report.ipv6Only() ? 0 : Netstack.FAILURE;
        }
    }

}
