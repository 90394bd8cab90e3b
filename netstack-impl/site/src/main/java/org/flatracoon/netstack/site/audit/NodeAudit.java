package org.flatracoon.netstack.site.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flatracoon.netstack.site.enforce.Shell;

/**
 * Audits the node it runs on (its network namespace): asks the kernel for IPv4 addresses and routes
 * with {@code ip -j}, reads IPv4 sockets from /proc/net, and says whether the node is IPv6-only.
 */
public final class NodeAudit {
    private final Shell shell;
    private final Path procNet;

    public NodeAudit(Shell shell, Path procNet) {
        this.shell = shell;
        this.procNet = procNet;
    }

    public static NodeAudit ofThisNode() {
        return new NodeAudit(Shell.system(), Path.of("/proc/net"));
    }

    public AuditReport run(String nodeName, List<String> ipv4AllowedOn) throws IOException {
        Ipv4Findings read = new Ipv4Findings(Set.copyOf(ipv4AllowedOn));
        List<Finding> findings = new ArrayList<>();
        findings.addAll(read.addresses(shell.check(List.of("ip", "-j", "-4", "addr", "show"))));
        findings.addAll(read.routes(shell.check(List.of("ip", "-j", "-4", "route", "show", "table", "all"))));
        for (String protocol : List.of("tcp", "udp")) {
            Path file = procNet.resolve(protocol);
            if (Files.exists(file)) {
                findings.addAll(read.sockets(Files.readString(file, StandardCharsets.UTF_8), protocol));
            }
        }
        return new AuditReport(nodeName, ipv4AllowedOn, findings);
    }
}
