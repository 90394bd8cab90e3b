package org.flatracoon.lab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.topology.NodeSpec;

/**
 * Audits every node of an IPv6-only site: runs {@code netstack site audit --json} in each node's
 * network namespace (from the lab's tool image, so a node of any image can be audited) and collects
 * what each node holds of IPv4. The site's nodes are those labelled {@code site: member} or
 * {@code site: border}; a border names the interfaces IPv4 may live on in {@code site-ipv4-on}
 * (its outside interfaces and Tayga's TUN).
 */
public final class SiteAudit {
    public static final String SITE_LABEL = "site";
    public static final String IPV4_ON_LABEL = "site-ipv4-on";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** One node's verdict and its findings, e.g. "address eth1: 203.0.113.190/32". */
    public record NodeVerdict(String node, boolean ipv6Only, List<String> findings) {
    }

    /** The verdicts of every node of the site, in topology order. */
    public record SiteVerdict(Map<String, NodeVerdict> nodes) {
        public boolean ipv6Only() {
            return nodes.values().stream().allMatch(NodeVerdict::ipv6Only);
        }

        /** Node by node, for a report or a failing assertion. */
        public String describe() {
            StringBuilder out = new StringBuilder();
            nodes.values().forEach(v -> {
                out.append(v.node()).append(": ").append(v.ipv6Only() ? "IPv6-only" : "NOT IPv6-only").append('\n');
                v.findings().forEach(f -> out.append("  ").append(f).append('\n'));
            });
            return out.toString();
        }
    }

    private final RunningLab lab;

    public SiteAudit(RunningLab lab) {
        this.lab = lab;
    }

    public SiteVerdict run() {
        Map<String, NodeVerdict> verdicts = new LinkedHashMap<>();
        for (LabNode node : lab.nodes()) {
            if (node.spec().labels().containsKey(SITE_LABEL)) {
                verdicts.put(node.name(), audit(node));
            }
        }
        if (verdicts.isEmpty()) {
            throw new ProbeException("lab " + lab.name() + " labels no node '" + SITE_LABEL + "'; nothing to audit");
        }
        return new SiteVerdict(verdicts);
    }

    public static NodeVerdict audit(LabNode node) {
        ExecResult result = node.execInNetworkNamespace(TIMEOUT, command(node.spec(), true).toArray(String[]::new));
        // exit 0: IPv6-only, 1: not; anything else means the audit itself did not run
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new ProbeException(node.name() + ": the audit did not run (exit " + result.exitCode() + "): "
                    + result.output().strip());
        }
        return parse(node.name(), result.stdout());
    }

    /** The audit command for a node: its name, and the interfaces its labels allow IPv4 on. */
    public static List<String> command(NodeSpec node, boolean json) {
        List<String> command = new ArrayList<>(List.of("netstack", "site", "audit", "--node", node.name()));
        if (json) {
            command.add("--json");
        }
        String allowed = node.labels().getOrDefault(IPV4_ON_LABEL, "");
        Arrays.stream(allowed.split("[\\s,]+")).filter(s -> !s.isBlank())
                .forEach(iface -> command.addAll(List.of("--allow-ipv4-on", iface)));
        return command;
    }

    static NodeVerdict parse(String node, String json) {
        try {
            JsonNode root = JSON.readTree(json);
            List<String> findings = new ArrayList<>();
            root.path("findings").forEach(f -> findings.add(f.path("kind").asText() + " " + f.path("where").asText()
                    + ": " + f.path("detail").asText()));
            if (!root.has("ipv6_only")) {
                throw new ProbeException(node + ": the audit printed no verdict: " + json.strip());
            }
            return new NodeVerdict(node, root.path("ipv6_only").asBoolean(), findings);
        } catch (IOException e) {
            throw new ProbeException(node + ": the audit did not print JSON: " + json.strip());
        }
    }
}
