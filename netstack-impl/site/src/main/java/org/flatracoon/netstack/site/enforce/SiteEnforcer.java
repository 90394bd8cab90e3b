package org.flatracoon.netstack.site.enforce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flatracoon.netstack.site.audit.AuditReport;
import org.flatracoon.netstack.site.audit.NodeAudit;
import org.flatracoon.netstack.site.config.Prefix;
import org.flatracoon.netstack.site.config.SitePolicy;
import org.flatracoon.netstack.site.config.SitePolicy.Nat64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The border of an IPv6-only site, brought up in this order: Tayga's configuration and TUN device,
 * the routes into the TUN, the nftables policy (one atomic {@code nft -f}), then Tayga itself under
 * supervision. Anything that fails before Tayga runs stops the start: a border without its policy
 * must not pretend to be one.
 */
public final class SiteEnforcer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("site");

    private final SitePolicy policy;
    private final Shell shell;
    private final Path stateDir;
    private TaygaSupervisor tayga;
    private volatile boolean rulesetApplied;

    /** What /ipv6/health reports. */
    public record Health(boolean rulesetApplied, TaygaSupervisor.Status tayga, Map<String, NftCounters.Count> counters,
            String countersError) {
        public boolean healthy() {
            return rulesetApplied && tayga.running() && countersError == null;
        }
    }

    public SiteEnforcer(SitePolicy policy, Shell shell, Path stateDir) {
        this.policy = policy;
        this.shell = shell;
        this.stateDir = stateDir;
    }

    public SitePolicy policy() {
        return policy;
    }

    public void start() throws IOException {
        Files.createDirectories(stateDir);
        Nat64 nat64 = policy.nat64();
        Files.createDirectories(nat64.dataDir());
        Path taygaConf = stateDir.resolve("tayga.conf");
        Files.writeString(taygaConf, TaygaConf.render(nat64), StandardCharsets.UTF_8);
        createTun(nat64, taygaConf);

        Path ruleset = stateDir.resolve("site.nft");
        Files.writeString(ruleset, NftRuleset.render(policy), StandardCharsets.UTF_8);
        shell.check(List.of("nft", "-f", ruleset.toString()));
        rulesetApplied = true;
        LOG.info("site: nftables policy applied from {} (site {}, outside {})", ruleset, policy.siteInterfaces(),
                policy.outsideInterfaces());

        tayga = new TaygaSupervisor(taygaConf);
        tayga.start();
    }

    /** Tayga's TUN, up, with the pool and the prefix routed into it (idempotent: a restart finds it all in place). */
    private void createTun(Nat64 nat64, Path taygaConf) throws IOException {
        String tun = nat64.tunDevice();
        if (!shell.run(List.of("ip", "link", "show", "dev", tun)).succeeded()) {
            shell.check(List.of("tayga", "--mktun", "-c", taygaConf.toString()));
        }
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("ip", "link", "set", "dev", tun, "up"));
        commands.add(List.of("ip", "route", "replace", nat64.pool().toString(), "dev", tun));
        if (!nat64.pool().contains(nat64.ipv4Address())) {
            commands.add(List.of("ip", "route", "replace", nat64.ipv4Address().getHostAddress() + "/32", "dev", tun));
        }
        commands.add(List.of("ip", "-6", "route", "replace", nat64.prefix().toString(), "dev", tun));
        nat64.ipv6Address().ifPresent(a -> commands.add(List.of("ip", "-6", "route", "replace",
                Prefix.text(a) + "/128", "dev", tun)));
        for (List<String> command : commands) {
            shell.check(command);
        }
        LOG.info("site: {} up; {} and {} routed into it", tun, nat64.pool(), nat64.prefix());
    }

    public Health health() {
        Map<String, NftCounters.Count> counters = Map.of();
        String error = null;
        try {
            counters = NftCounters.parse(shell.check(List.of("nft", "-j", "list", "counters", "table", "inet",
                    NftRuleset.TABLE)), NftRuleset.TABLE);
        } catch (IOException | IllegalArgumentException e) {
            error = e.getMessage();
        }
        TaygaSupervisor.Status taygaStatus = tayga != null ? tayga.status()
                : new TaygaSupervisor.Status(false, java.util.Optional.empty(), 0, java.util.Optional.empty(),
                        java.util.Optional.empty());
        return new Health(rulesetApplied, taygaStatus, counters, error);
    }

    /** The border's own audit: IPv4 is expected on the outside interfaces and Tayga's TUN, nowhere else. */
    public AuditReport audit() throws IOException {
        List<String> allowed = new ArrayList<>(policy.outsideInterfaces());
        allowed.add(policy.nat64().tunDevice());
        return new NodeAudit(shell, Path.of("/proc/net")).run("border", allowed);
    }

    @Override
    public void close() {
        if (tayga != null) {
            tayga.close();
        }
    }
}
