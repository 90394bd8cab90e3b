package org.flatracoon.scenarios;

import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Silent drops on the underlay with nftables in a node's own network namespace (every lab image
 * has nft and every node NET_ADMIN). Small and private to the overlay scenarios until the lab has
 * a general fault API to replace it.
 */
final class UnderlayFilter {

    private static final String BLOCK_TABLE = "overlay_lab_block";
    private static final String INTERCEPT_TABLE = "overlay_lab_intercept";

    private UnderlayFilter() {
    }

    /** The node silently drops every UDP datagram to and from the peer's addresses: a firewall between them. */
    static void block(LabNode node, List<String> peerAddresses) {
        String peer = "{ " + String.join(", ", peerAddresses) + " }";
        nft(node, "table ip " + BLOCK_TABLE + " {\n"
                + "  chain out { type filter hook output priority 0; ip daddr " + peer + " meta l4proto udp drop; }\n"
                + "  chain in { type filter hook input priority 0; ip saddr " + peer + " meta l4proto udp drop; }\n"
                + "}\n");
    }

    static void unblock(LabNode node) {
        nft(node, "delete table ip " + BLOCK_TABLE + "\n");
    }

    /**
     * The node's own stack never sees UDP datagrams from {@code from} longer than {@code minLength}
     * (a capture on its interface still does): an attacker on the wire withholding them.
     */
    static void withhold(LabNode node, String from, int minLength) {
        nft(node, "table ip " + INTERCEPT_TABLE + " {\n"
                + "  chain in { type filter hook prerouting priority -300; ip saddr " + from
                + " meta l4proto udp meta length > " + minLength + " drop; }\n"
                + "}\n");
    }

    static void release(LabNode node) {
        nft(node, "delete table ip " + INTERCEPT_TABLE + "\n");
    }

    private static void nft(LabNode node, String ruleset) {
        ExecResult result = node.exec("sh", "-c", "printf '%s' \"$0\" | nft -f -", ruleset);
        if (!result.succeeded()) {
            throw new IllegalStateException(node.name() + ": nft refused the ruleset (" + result.output().strip()
                    + "):\n" + ruleset);
        }
    }
}
