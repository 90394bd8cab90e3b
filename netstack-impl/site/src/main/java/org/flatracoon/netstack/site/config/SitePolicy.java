package org.flatracoon.netstack.site.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the site enforcer enforces: which of the border's interfaces face the IPv6-only site and
 * which face the outside, the NAT64 that joins them, the IPv6 policy, and where it reports.
 */
public record SitePolicy(
        List<String> siteInterfaces,
        List<String> outsideInterfaces,
        Nat64 nat64,
        Ipv6Policy ipv6,
        int httpPort) {

    public SitePolicy {
        siteInterfaces = List.copyOf(siteInterfaces);
        outsideInterfaces = List.copyOf(outsideInterfaces);
    }

    /**
     * Tayga's settings, all from one place so DNS64 and NAT64 cannot disagree: the translation
     * prefix, the TUN device, the dynamic IPv4 pool the site's hosts are mapped into, Tayga's own
     * addresses, and where it keeps its dynamic map across restarts.
     */
    public record Nat64(
            Prefix prefix,
            String tunDevice,
            Prefix pool,
            InetAddress ipv4Address,
            Optional<InetAddress> ipv6Address,
            Path dataDir) {
    }

    /** What happens to IPv6 forwarded across the border that is not a reply to an allowed flow. */
    public record Ipv6Policy(Action inbound, Action outbound, List<Ipv6Rule> rules) {
        public Ipv6Policy {
            rules = List.copyOf(rules);
        }
    }

    public enum Action {
        ALLOW, DENY;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Direction {
        /** New flows from an outside interface into the site. */
        INBOUND,
        /** New flows from the site out through an outside interface. */
        OUTBOUND;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One IPv6 rule, first match wins; an absent field matches anything. Ports need tcp or udp. */
    public record Ipv6Rule(
            Action action,
            Direction direction,
            Optional<Prefix> from,
            Optional<Prefix> to,
            Optional<String> protocol,
            List<Integer> ports,
            int line) {
        public Ipv6Rule {
            ports = List.copyOf(ports);
        }
    }
}
