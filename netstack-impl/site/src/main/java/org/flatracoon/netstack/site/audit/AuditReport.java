package org.flatracoon.netstack.site.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the audit found on one node; the node is IPv6-only when it found nothing. */
public record AuditReport(String node, List<String> ipv4AllowedOn, List<Finding> findings) {

    public AuditReport {
        ipv4AllowedOn = List.copyOf(ipv4AllowedOn);
        findings = List.copyOf(findings);
    }

    public boolean ipv6Only() {
        return findings.isEmpty();
    }

    /** The findings by kind, every kind present (0 when none): what /metrics exports. */
    public Map<Finding.Kind, Long> countsByKind() {
        Map<Finding.Kind, Long> counts = new LinkedHashMap<>();
        for (Finding.Kind kind : Finding.Kind.values()) {
            counts.put(kind, findings.stream().filter(f -> f.kind() == kind).count());
        }
        return counts;
    }

    /** For people: one line of verdict, then one line per finding. */
    public String text() {
        StringBuilder out = new StringBuilder(node).append(": ");
        out.append(ipv6Only() ? "IPv6-only" : "NOT IPv6-only (" + findings.size() + " finding"
                + (findings.size() == 1 ? "" : "s") + ")");
        if (!ipv4AllowedOn.isEmpty()) {
            out.append("; IPv4 allowed on ").append(String.join(", ", ipv4AllowedOn));
        }
        out.append('\n');
        findings.forEach(f -> out.append("  ").append(String.format("%-8s", f.kind().word())).append(f.where())
                .append("  ").append(f.detail()).append('\n'));
        return out.toString();
    }
}
