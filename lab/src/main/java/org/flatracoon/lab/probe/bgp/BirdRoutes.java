package org.flatracoon.lab.probe.bgp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads BIRD 2's {@code show route all} into the paths it learned over BGP. An entry starts with
 * a line naming the prefix (or, for a further path to the same prefix, only indented), e.g.
 * {@code 203.0.113.224/29 unicast [r1_v4 03:51:31.475] * (100) [AS65001i]} where {@code *} marks
 * the best path; its attributes follow on tab-indented lines ({@code BGP.as_path: 65003 65001}).
 */
final class BirdRoutes {

    private static final Pattern ENTRY = Pattern.compile("^(\\S+)?\\s+\\S+\\s+\\[[^\\]]*\\](\\s+\\*)?\\s+\\(\\d+.*$");
    private static final Pattern COMMUNITY = Pattern.compile("\\((\\d+),\\s*(\\d+)\\)");

    private BirdRoutes() {
    }

    static List<BgpRoute> parse(String text) {
        List<BgpRoute> routes = new ArrayList<>();
        String prefix = null;
        Entry entry = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Table ")) {
                continue;
            }
            if (line.startsWith("\t")) {
                if (entry != null) {
                    entry.read(line.strip());
                }
                continue;
            }
            Matcher start = ENTRY.matcher(line);
            if (start.matches()) {
                addIfBgp(entry, routes);
                if (start.group(1) != null) {
                    prefix = start.group(1);
                }
                entry = prefix == null ? null : new Entry(prefix, start.group(2) != null);
            }
        }
        addIfBgp(entry, routes);
        return routes;
    }

    private static void addIfBgp(Entry entry, List<BgpRoute> routes) {
        if (entry != null && entry.bgp && entry.nextHop != null) {
            routes.add(new BgpRoute(Addresses.canonicalPrefix(entry.prefix), Addresses.canonical(entry.nextHop),
                    entry.asPath, entry.communities, entry.best));
        }
    }

    private static final class Entry {
        final String prefix;
        final boolean best;
        boolean bgp;
        String nextHop;
        List<Long> asPath = List.of();
        final List<String> communities = new ArrayList<>();

        Entry(String prefix, boolean best) {
            this.prefix = prefix;
            this.best = best;
        }

        void read(String attribute) {
            if (attribute.startsWith("Type: BGP")) {
                bgp = true;
            } else if (attribute.startsWith("BGP.next_hop:")) {
                // IPv6: the global address, then the link-local one
                nextHop = value(attribute).split("\\s+")[0];
            } else if (attribute.startsWith("BGP.as_path:")) {
                asPath = AsPaths.parse(value(attribute));
            } else if (attribute.startsWith("BGP.community:")) {
                Matcher community = COMMUNITY.matcher(value(attribute));
                while (community.find()) {
                    communities.add(community.group(1) + ":" + community.group(2));
                }
            }
        }

        private static String value(String attribute) {
            return attribute.substring(attribute.indexOf(':') + 1).strip();
        }
    }
}
