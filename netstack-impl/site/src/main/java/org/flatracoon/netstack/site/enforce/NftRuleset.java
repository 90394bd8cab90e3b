package org.flatracoon.netstack.site.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flatracoon.netstack.site.config.SitePolicy;
import org.flatracoon.netstack.site.config.SitePolicy.Direction;
import org.flatracoon.netstack.site.config.SitePolicy.Ipv6Rule;

/**
 * The border's nftables ruleset, rendered from the site policy (a pure function: same policy, same
 * text). One {@code inet} table holds everything, and the text starts by declaring and deleting
 * that table, so {@code nft -f} replaces it in one transaction: there is no moment with half a policy.
 *
 * <p>What it enforces:
 * <ul>
 *   <li>IPv4 never enters the site. IPv4 arriving on a site interface is dropped ({@value #IPV4_ON_SITE_LINK});
 *       IPv4 forwarded towards the site — into Tayga's TUN or out of a site interface — is dropped unless it is
 *       the reply to a flow the site opened through NAT64 ({@value #IPV4_INTO_SITE}); IPv4 routed between outside
 *       interfaces is not the site's business and is dropped too ({@value #IPV4_TRANSIT}).</li>
 *   <li>The NAT64 path is open: IPv6 from the site into Tayga's TUN, IPv6 from the TUN back to the site, IPv4
 *       from the TUN out of an outside interface, masqueraded behind the border's address (Tayga maps each
 *       site host 1:1 into its pool; the NAT44 makes the whole thing the stateful NAT64 of RFC 6146).</li>
 *   <li>IPv6 across the border follows the policy: replies always pass, ICMPv6 errors always pass (RFC 4890:
 *       path MTU discovery must not break), then the rules in order, then the inbound or outbound default.
 *       Denied IPv6 is counted by direction.</li>
 * </ul>
 * Every drop goes through a named counter, which {@code /metrics} reads back with {@code nft -j list counters}.
 */
public final class NftRuleset {
    public static final String TABLE = "flatracoon_site";
    public static final String IPV4_ON_SITE_LINK = "ipv4_on_site_link";
    public static final String IPV4_INTO_SITE = "ipv4_into_site";
    public static final String IPV4_TRANSIT = "ipv4_transit";
    public static final String IPV6_INBOUND_DENIED = "ipv6_inbound_denied";
    public static final String IPV6_OUTBOUND_DENIED = "ipv6_outbound_denied";
    /** Every counter the ruleset declares, in the order it declares them. */
    public static final List<String> COUNTERS = List.of(IPV4_ON_SITE_LINK, IPV4_INTO_SITE, IPV4_TRANSIT,
            IPV6_INBOUND_DENIED, IPV6_OUTBOUND_DENIED);

    private NftRuleset() {
    }

    public static String render(SitePolicy policy) {
        String site = set(policy.siteInterfaces());
        String outside = set(policy.outsideInterfaces());
        String tun = quote(policy.nat64().tunDevice());
        String intoSite = set(concat(List.of(policy.nat64().tunDevice()), policy.siteInterfaces()));
        StringBuilder out = new StringBuilder();
        out.append("# Rendered by netstack site enforce from the site policy; replaced as a whole on every apply.\n")
                .append("table inet ").append(TABLE).append('\n')
                .append("delete table inet ").append(TABLE).append('\n')
                .append("table inet ").append(TABLE).append(" {\n");
        counter(out, IPV4_ON_SITE_LINK, "IPv4 that arrived on a site interface");
        counter(out, IPV4_INTO_SITE, "IPv4 towards the site that was not a reply to the site's own NAT64 flows");
        counter(out, IPV4_TRANSIT, "IPv4 routed between outside interfaces");
        counter(out, IPV6_INBOUND_DENIED, "new IPv6 flows into the site refused by the IPv6 policy");
        counter(out, IPV6_OUTBOUND_DENIED, "new IPv6 flows out of the site refused by the IPv6 policy");

        out.append("\n  chain site_ingress {\n")
                .append("    type filter hook prerouting priority filter; policy accept;\n")
                .append("    iifname ").append(site).append(" meta nfproto ipv4 counter name \"")
                .append(IPV4_ON_SITE_LINK).append("\" drop\n")
                .append("  }\n");

        out.append("\n  chain forward {\n")
                .append("    type filter hook forward priority filter; policy accept;\n")
                .append("    # IPv4: only the NAT64 path, out through an outside interface, and its replies\n")
                .append("    meta nfproto ipv4 iifname ").append(tun).append(" oifname ").append(outside).append(" accept\n")
                .append("    meta nfproto ipv4 oifname ").append(intoSite).append(" ct state established,related accept\n")
                .append("    meta nfproto ipv4 oifname ").append(intoSite).append(" counter name \"")
                .append(IPV4_INTO_SITE).append("\" drop\n")
                .append("    meta nfproto ipv4 counter name \"").append(IPV4_TRANSIT).append("\" drop\n")
                .append("    # IPv6: the NAT64 path both ways, replies, ICMPv6 errors, then the policy\n")
                .append("    iifname ").append(site).append(" oifname ").append(tun).append(" accept\n")
                .append("    iifname ").append(tun).append(" oifname ").append(site).append(" accept\n")
                .append("    ct state established,related accept\n")
                .append("    icmpv6 type { destination-unreachable, packet-too-big, time-exceeded, parameter-problem }")
                .append(" accept\n")
                .append("    iifname ").append(outside).append(" oifname ").append(tun).append(" counter name \"")
                .append(IPV6_INBOUND_DENIED).append("\" drop  # the NAT64 serves the site, not the outside\n")
                .append("    iifname ").append(outside).append(" oifname ").append(site).append(" jump ipv6_inbound\n")
                .append("    iifname ").append(site).append(" oifname ").append(outside).append(" jump ipv6_outbound\n")
                .append("  }\n");

        direction(out, policy, Direction.INBOUND, "ipv6_inbound", IPV6_INBOUND_DENIED);
        direction(out, policy, Direction.OUTBOUND, "ipv6_outbound", IPV6_OUTBOUND_DENIED);

        out.append("\n  chain nat64_masquerade {\n")
                .append("    type nat hook postrouting priority srcnat; policy accept;\n")
                .append("    oifname ").append(outside).append(" ip saddr ").append(policy.nat64().pool())
                .append(" masquerade\n");
        if (!policy.nat64().pool().contains(policy.nat64().ipv4Address())) {
            out.append("    oifname ").append(outside).append(" ip saddr ")
                    .append(policy.nat64().ipv4Address().getHostAddress()).append(" masquerade\n");
        }
        out.append("  }\n}\n");
        return out.toString();
    }

    private static void direction(StringBuilder out, SitePolicy policy, Direction direction, String chain,
            String deniedCounter) {
        out.append("\n  chain ").append(chain).append(" {\n");
        for (Ipv6Rule rule : policy.ipv6().rules()) {
            if (rule.direction() == direction) {
                out.append("    ").append(rule(rule, deniedCounter)).append('\n');
            }
        }
        SitePolicy.Action fallback = direction == Direction.INBOUND ? policy.ipv6().inbound() : policy.ipv6().outbound();
        out.append("    ").append(verdict(fallback, deniedCounter))
                .append("  # default for ").append(direction.word()).append(" IPv6\n")
                .append("  }\n");
    }

    private static String rule(Ipv6Rule rule, String deniedCounter) {
        List<String> match = new ArrayList<>();
        match.add("meta nfproto ipv6");
        rule.from().ifPresent(p -> match.add("ip6 saddr " + p));
        rule.to().ifPresent(p -> match.add("ip6 daddr " + p));
        rule.protocol().ifPresent(p -> {
            if (rule.ports().isEmpty()) {
                match.add("meta l4proto " + p);
            } else {
                match.add(p + " dport " + (rule.ports().size() == 1 ? rule.ports().get(0).toString()
                        : rule.ports().stream().map(String::valueOf).collect(Collectors.joining(", ", "{ ", " }"))));
            }
        });
        return String.join(" ", match) + " " + verdict(rule.action(), deniedCounter) + "  # site policy line " + rule.line();
    }

    private static String verdict(SitePolicy.Action action, String deniedCounter) {
        return action == SitePolicy.Action.ALLOW ? "accept" : "counter name \"" + deniedCounter + "\" drop";
    }

    private static void counter(StringBuilder out, String name, String comment) {
        out.append("  counter ").append(name).append(" {\n    comment \"").append(comment).append("\"\n  }\n");
    }

    private static String set(List<String> interfaces) {
        return interfaces.stream().map(NftRuleset::quote).collect(Collectors.joining(", ", "{ ", " }"));
    }

    private static String quote(String name) {
        return "\"" + name + "\"";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
