package org.flatracoon.scenarios;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * A link that silently drops every IP packet both ways while both interfaces stay up (no carrier
 * loss for the routers to notice): nftables drop rules on the link's interface at each end, set
 * with the node's own nft. Only the hold timer can find this out. Kept small and private to the
 * BGP steps until the lab's own fault API (link blackhole) replaces it; the rules go with the lab.
 */
final class LinkSilentDrop {

    private LinkSilentDrop() {
    }

    static void apply(LabWorld world, LinkSpec link) {
        for (Endpoint end : link.endpoints()) {
            LabNode node = world.node(end.node());
            String iface = end.iface();
            String rules = "add table inet flatracoon_silent_drop\n"
                    + "add chain inet flatracoon_silent_drop in { type filter hook prerouting priority -300; }\n"
                    + "add chain inet flatracoon_silent_drop out { type filter hook postrouting priority -300; }\n"
                    + "add rule inet flatracoon_silent_drop in iifname \"" + iface + "\" drop\n"
                    + "add rule inet flatracoon_silent_drop out oifname \"" + iface + "\" drop\n";
            ExecResult result = node.exec("sh", "-c", "printf '%s' \"$0\" | nft -f -", rules);
            if (!result.succeeded()) {
                throw new IllegalStateException("could not make " + end + " drop its traffic: " + result.output().strip());
            }
        }
    }
}
