package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.LabException;

/**
 * Lets routers forward IPv4 over a link. For an internal network, Docker drops on the bridge
 * every IPv4 packet whose source or destination lies outside the network's subnet
 * (DOCKER-ISOLATION-STAGE-1, seen by iptables because Docker has bridged frames pass netfilter)
 * — that is all transit traffic between routers. One rule per link in Docker's own DOCKER-USER
 * chain, which is evaluated first, accepts what enters and leaves the same bridge: frames that
 * stay on the link. Traffic between two links, or out of the lab, is still dropped. The rules
 * carry the run id and go when the lab closes; rules whose bridge is gone (a killed run, a lab
 * removed by `lab down` or `lab clean`) are removed then, or at the next start.
 */
final class LinkForwarding {

    private static final String CHAIN = "ip filter DOCKER-USER";
    private static final String TAG = "flatracoon-lab run=";

    private final HelperContainer helper;

    LinkForwarding(DockerClient docker) {
        this.helper = new HelperContainer(docker);
    }

    void allow(HostBridges bridges, Map<String, String> labels) {
        String runTag = TAG + labels.get(LabLabels.RUN);
        String script = "set -e\n"
                + "nft list chain " + CHAIN + " >/dev/null 2>&1 || exit 0\n" // an engine without iptables rules
                + removeStaleRules()
                + bridges.names().stream()
                        .map(bridge -> "nft insert rule " + CHAIN + " iifname \"" + bridge + "\" oifname \"" + bridge
                                + "\" counter accept comment '\"" + runTag + "\"'")
                        .collect(Collectors.joining("\n"));
        runOnTheMachine(script, labels, "could not let traffic be routed over the lab's links");
    }

    void remove(Map<String, String> labels) {
        String script = "nft list chain " + CHAIN + " >/dev/null 2>&1 || exit 0\n"
                + "nft -a list chain " + CHAIN + " | sed -n 's/.*comment \"" + TAG + labels.get(LabLabels.RUN)
                + "\" # handle \\([0-9]*\\)$/\\1/p' | while read -r handle; do\n"
                + "  nft delete rule " + CHAIN + " handle \"$handle\"\n"
                + "done\n";
        runOnTheMachine(script, labels, "could not remove the lab's forwarding rules");
    }

    /** After a lab was removed from outside its process (`lab down`, `lab clean`): our rules whose bridge is gone. */
    void removeLeftovers(String labName) {
        Map<String, String> labels = LabLabels.forLab(labName, "cleanup", LabOwner.CLI, "");
        runOnTheMachine("nft list chain " + CHAIN + " >/dev/null 2>&1 || exit 0\n" + removeStaleRules(), labels,
                "could not remove the forwarding rules of removed labs");
    }

    /** Our rules whose bridge no longer exists. */
    private static String removeStaleRules() {
        return "nft -a list chain " + CHAIN + " | sed -n 's/.*iifname \"\\(br-[0-9a-f]*\\)\".*comment \"" + TAG
                + "[^\"]*\" # handle \\([0-9]*\\)$/\\1 \\2/p' | while read -r bridge handle; do\n"
                + "  [ -e \"/sys/class/net/$bridge\" ] || nft delete rule " + CHAIN + " handle \"$handle\"\n"
                + "done\n";
    }

    private void runOnTheMachine(String script, Map<String, String> labels, String failure) {
        HostConfig onTheMachine = HostConfig.newHostConfig().withNetworkMode("host").withCapAdd(Capability.NET_ADMIN);
        ExecResult result = helper.run(onTheMachine, labels, "link-forwarding", Duration.ofSeconds(30), script);
        if (!result.succeeded()) {
            throw new LabException(failure + " (exit code " + result.exitCode() + ": " + result.output().strip() + ")");
        }
    }
}
