package org.flatracoon.lab.docker;

import java.time.Duration;
import java.util.Locale;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.Rate;

/**
 * The scripts that disturb one end of a link from inside its node's network namespace, and
 * undo it. Dropping is done by nftables on the interface's ingress hook (netdev family: it sees
 * every frame that arrives, ARP and neighbour discovery included, before any routing or
 * forwarding), so a link's drop is done by the receiving end. Rate and delay are done by a
 * root qdisc on the sending end. Each fault has its own chain in one table of ours, so undoing
 * one leaves the others, and the node's own firewall, untouched.
 */
final class LinkFaults {

    static final String TABLE = "flatracoon_faults";
    /** Before anything else on the hook, so a node's own ingress rules cannot see dropped packets. */
    private static final int PRIORITY = -500;

    private LinkFaults() {
    }

    /** The chain of one kind of fault on one interface, e.g. loss_eth1; interface names may hold '-' or '.', chain names not. */
    static String chain(String kind, String iface) {
        StringBuilder name = new StringBuilder(kind).append('_');
        for (char c : iface.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                name.append(c);
            } else {
                name.append('_').append(String.format(Locale.ROOT, "%02x", (int) c));
            }
        }
        return name.toString();
    }

    /** Every frame arriving on {@code iface} is dropped (counted, for `lab fault … list`). */
    static String dropAllArriving(String chain, String iface) {
        return ingressChain(chain, iface, "drop", "counter");
    }

    /** Each frame arriving on {@code iface} is dropped with probability {@code percent}/100. */
    static String dropRandomArriving(String chain, String iface, double percent) {
        long threshold = Math.round(percent * 100); // in ten-thousandths: 12.5% drops numbers 0..1249
        return ingressChain(chain, iface, "accept", "numgen random mod 10000 < " + threshold
                + " counter drop comment \"loss " + percentText(percent) + "%\"");
    }

    static String removeChain(String chain) {
        return "if nft list chain netdev " + TABLE + " " + chain + " >/dev/null 2>&1; then nft delete chain netdev "
                + TABLE + " " + chain + "; fi\n";
    }

    /** What leaves {@code iface} is shaped to {@code rate} by a token bucket; a queue over 50 ms is dropped. */
    static String limitSending(String iface, Rate rate) {
        // The bucket must hold at least one timer tick of traffic, and at least a couple of full frames.
        long burstBytes = Math.max(rate.bitsPerSecond() / 8 / 100, 3200);
        return "tc qdisc replace dev " + iface + " root tbf rate " + rate.bitsPerSecond() + "bit burst " + burstBytes
                + " latency 50ms\n";
    }

    static String delaySending(String iface, Duration delay, Duration jitter) {
        return "tc qdisc replace dev " + iface + " root netem delay " + delay.toMillis() + "ms"
                + (jitter.isZero() ? "" : " " + jitter.toMillis() + "ms") + "\n";
    }

    /** Removes our root qdisc (tbf or netem) from {@code iface}, leaving any other alone. */
    static String removeQdisc(String iface) {
        return "if tc qdisc show dev " + iface + " root | grep -qE '^qdisc (tbf|netem) '; then tc qdisc del dev "
                + iface + " root; fi\n";
    }

    /** Every chain of ours on {@code iface}, and our qdisc. */
    static String clearInterface(String iface) {
        return eachChain("*_" + chain("", iface).substring(1)) + removeQdisc(iface);
    }

    /** Every partition cut in the node, whoever made it. */
    static String removeAllCuts() {
        return eachChain("cut[0-9]*_*");
    }

    /** Whether tc refused a netem qdisc because the kernel has none (rather than, say, a bad argument). */
    static boolean kernelLacksNetem(ExecResult result) {
        String out = result.output().toLowerCase(Locale.ROOT);
        return !result.succeeded() && (out.contains("qdisc kind is unknown") || out.contains("unknown qdisc"));
    }

    static String percentText(double percent) {
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    private static String ingressChain(String chain, String iface, String policy, String rule) {
        // One transaction: the chain exists with exactly this rule, replacing an earlier one of the same fault.
        return "nft -f - <<'NFT'\n"
                + "table netdev " + TABLE + " {\n"
                + "  chain " + chain + " { type filter hook ingress device \"" + iface + "\" priority " + PRIORITY
                + "; policy " + policy + "; }\n"
                + "}\n"
                + "flush chain netdev " + TABLE + " " + chain + "\n"
                + "add rule netdev " + TABLE + " " + chain + " " + rule + "\n"
                + "NFT\n";
    }

    private static String eachChain(String shellPattern) {
        return "for c in $(nft list table netdev " + TABLE + " 2>/dev/null | awk '$1 == \"chain\" { print $2 }'); do\n"
                + "  case \"$c\" in " + shellPattern + ") nft delete chain netdev " + TABLE + " \"$c\" ;; esac\n"
                + "done\n";
    }
}
