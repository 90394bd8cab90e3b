package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabException;

/**
 * Keeps IPv6 inside each link. Docker isolates internal networks with iptables for IPv4, but the
 * Docker of Debian 12 (20.10) writes no IPv6 rules unless its experimental ip6tables mode is on —
 * and that mode drops the links' own neighbour discovery. So the machine itself would route IPv6
 * from one lab link to another. Switching IPv6 off on the link's bridge interface (the machine's
 * side of the link; bridging between the nodes is unaffected) takes the machine off the IPv6
 * path, and the setting goes away with the bridge when the lab is removed.
 */
final class BridgeIsolation {

    private static final String HOST_IPV6_CONF = "/host/ipv6-conf";

    private final HelperContainer helper;

    BridgeIsolation(DockerClient docker) {
        this.helper = new HelperContainer(docker);
    }

    /** @param networkIds the Docker networks whose bridges must not route IPv6 */
    void isolateIpv6(List<String> networkIds, Map<String, String> labels) {
        if (networkIds.isEmpty()) {
            return;
        }
        String script = "set -e\n" + networkIds.stream()
                .map(id -> "echo 1 > " + HOST_IPV6_CONF + "/br-" + id.substring(0, 12) + "/disable_ipv6")
                .collect(Collectors.joining("\n"));
        // A sysctl of the machine's own interface: its network namespace, NET_ADMIN, and the
        // machine's /proc/sys/net/ipv6/conf bound in writable (a container's own /proc/sys is
        // read-only). No privileged mode.
        HostConfig onTheMachine = HostConfig.newHostConfig().withNetworkMode("host")
                .withCapAdd(Capability.NET_ADMIN)
                .withBinds(new Bind("/proc/sys/net/ipv6/conf", new Volume(HOST_IPV6_CONF)));
        ExecResult result = helper.run(onTheMachine, labels, "bridge-isolation", Duration.ofSeconds(30), script);
        if (!result.succeeded()) {
            throw new LabException("could not keep IPv6 inside the lab's links (switching IPv6 off on their bridges"
                    + " failed with exit code " + result.exitCode() + ": " + result.output().strip() + ")");
        }
    }
}
