package org.flatracoon.netstack.site.enforce;

import org.flatracoon.netstack.site.config.Prefix;
import org.flatracoon.netstack.site.config.SitePolicy.Nat64;

/** Tayga's configuration file, rendered from the same NAT64 settings the border policy uses (pure). */
public final class TaygaConf {

    private TaygaConf() {
    }

    public static String render(Nat64 nat64) {
        StringBuilder out = new StringBuilder("# Rendered by netstack site enforce from the site policy.\n")
                .append("tun-device ").append(nat64.tunDevice()).append('\n')
                .append("ipv4-addr ").append(nat64.ipv4Address().getHostAddress()).append('\n');
        nat64.ipv6Address().ifPresent(a -> out.append("ipv6-addr ").append(Prefix.text(a)).append('\n'));
        out.append("prefix ").append(nat64.prefix()).append('\n')
                .append("dynamic-pool ").append(nat64.pool()).append('\n')
                .append("data-dir ").append(nat64.dataDir()).append('\n');
        return out.toString();
    }
}
