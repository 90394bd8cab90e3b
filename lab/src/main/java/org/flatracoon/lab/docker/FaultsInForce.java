package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.ExecResult;

/**
 * What is disturbing a running lab right now, read from the nodes themselves (our nftables chains
 * with their drop counters, our qdiscs, paused or stopped containers), so it is true whoever
 * applied the faults: a scenario, `lab fault`, `lab replay`.
 */
public final class FaultsInForce {

    private static final String SCRIPT = """
            nft list table netdev %1$s 2>/dev/null | awk '
              $1 == "chain" { chain = $2 }
              $1 == "type" { for (i = 1; i <= NF; i++) if ($i == "device") { dev = $(i + 1); gsub(/[";]/, "", dev) } }
              /counter packets/ { for (i = 1; i <= NF; i++) if ($i == "packets") n = $(i + 1);
                                  what = ($0 ~ /numgen/) ? "random loss" : "drops all"; 
                                  if (match($0, /comment "[^"]*"/)) what = substr($0, RSTART + 9, RLENGTH - 10);
                                  print chain ": " what " arriving on " dev " (" n " dropped so far)" }'
            for d in $(ls /sys/class/net); do
              tc qdisc show dev "$d" root | awk -v d="$d" '$2 == "tbf" || $2 == "netem" { line = $2; for (i = 7; i <= NF; i++) line = line " " $i; print d ": " line }'
              ip -o link show dev "$d" | grep -q '<[^>]*\\bUP\\b' || [ "$d" = lo ] || echo "$d: down (carrier lost)"
            done
            """.formatted(LinkFaults.TABLE);

    private final DockerClient docker;
    private final NetnsHelper netns;

    public FaultsInForce(DockerClient docker) {
        this.docker = docker;
        this.netns = new NetnsHelper(docker);
    }

    /** Per node of the lab, in name order, what disturbs it; an empty list when nothing does. */
    public Map<String, List<String>> of(LabInventory.LabSummary lab) {
        Map<String, String> labels = LabLabels.forLab(lab.name(), lab.runId(),
                org.flatracoon.lab.backend.LabOwner.CLI, lab.topologyFile());
        Map<String, List<String>> faults = new LinkedHashMap<>();
        for (LabInventory.NodeSummary node : lab.nodes()) {
            List<String> found = new ArrayList<>();
            if (!"running".equals(node.state())) {
                found.add("node " + node.state());
            }
            if ("running".equals(node.state()) || "paused".equals(node.state())) {
                ExecResult result = netns.run(node.containerId(), labels, Duration.ofSeconds(20), SCRIPT);
                result.stdout().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(found::add);
            }
            faults.put(node.name(), found);
        }
        return faults;
    }
}
