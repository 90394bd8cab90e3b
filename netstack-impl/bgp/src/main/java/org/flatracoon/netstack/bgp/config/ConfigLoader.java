package org.flatracoon.netstack.bgp.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.policy.PrefixFilter;
import org.flatracoon.netstack.bgp.policy.Rule;
import org.flatracoon.netstack.bgp.wire.Communities;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a router's YAML configuration (see the README). Works on SnakeYAML's node tree so that every problem
 * carries its line; all problems are collected and thrown together.
 */
public final class ConfigLoader {
    private static final Set<String> TOP = Set.of("router-id", "asn", "listen", "port", "http", "cluster-id", "kernel",
            "networks", "prefix-lists", "policies", "neighbors");
    private static final Set<String> NEIGHBOR = Set.of("address", "remote-as", "description", "passive", "hold-time",
            "connect-retry", "route-reflector-client", "next-hop-self", "import", "export", "max-prefix",
            "max-prefix-restart", "families", "ipv6-next-hop", "ipv4-next-hop", "port", "local-address");
    private static final Set<String> RULE = Set.of("match", "set", "accept");
    private static final Set<String> MATCH = Set.of("prefix-list", "prefix", "as-path", "as-path-length", "community",
            "large-community", "family");
    private static final Set<String> SET = Set.of("local-pref", "med", "prepend", "community-add", "community-remove",
            "large-community-add", "large-community-remove", "next-hop-self", "next-hop");
    private static final Pattern PREFIX_ENTRY = Pattern.compile("(\\S+)(?:\\s+ge\\s+(\\d+))?(?:\\s+le\\s+(\\d+))?");

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, PrefixFilter> prefixLists = new HashMap<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();

    private ConfigLoader(Path file) {
        this.source = file.toString();
    }

    public static BgpConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return parse(file, text);
    }

    /** Parses text as if read from {@code file} (which need not exist). */
    public static BgpConfig parse(Path file, String text) throws ConfigException {
        return new ConfigLoader(file).parse(text, file);
    }

    private BgpConfig parse(String text, Path file) throws ConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new ConfigException(List.of(new ConfigProblem(source, e.getProblemMark().getLine() + 1,
                    "YAML syntax: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new ConfigException(List.of(new ConfigProblem(source, 0, "YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new ConfigException(List.of(new ConfigProblem(source, 0,
                    "expected a mapping with router-id, asn and neighbors")));
        }
        Map<String, Node> f = fields(top, TOP);
        long routerId = required(top, f, "router-id").flatMap(s -> routerId(f.get("router-id"), "router-id", s)).orElse(0L);
        long asn = required(top, f, "asn").flatMap(s -> asn(f.get("asn"), "asn", s)).orElse(0L);
        List<InetAddress> listen = new ArrayList<>();
        if (f.containsKey("listen")) {
            for (Node n : list(f.get("listen"), "listen")) {
                scalar(n, "listen").flatMap(s -> address(n, "listen", s)).ifPresent(listen::add);
            }
        }
        int port = f.containsKey("port") ? intIn(f.get("port"), "port", 0, 65535).orElse(BgpConfig.BGP_PORT) : BgpConfig.BGP_PORT;
        int http = f.containsKey("http") ? intIn(f.get("http"), "http", 0, 65535).orElse(BgpConfig.HTTP_PORT) : BgpConfig.HTTP_PORT;
        long clusterId = f.containsKey("cluster-id")
                ? scalar(f.get("cluster-id"), "cluster-id").flatMap(s -> routerId(f.get("cluster-id"), "cluster-id", s))
                        .orElse(routerId)
                : routerId;
        boolean kernel = !f.containsKey("kernel") || bool(f.get("kernel"), "kernel");
        List<Prefixes.Parsed> networks = new ArrayList<>();
        if (f.containsKey("networks")) {
            for (Node n : list(f.get("networks"), "networks")) {
                scalar(n, "networks").flatMap(s -> prefix(n, "networks", s)).ifPresent(networks::add);
            }
        }
        if (f.containsKey("prefix-lists")) {
            prefixLists(f.get("prefix-lists"));
        }
        if (f.containsKey("policies")) {
            policies(f.get("policies"));
        }
        List<NeighborConfig> neighbors = new ArrayList<>();
        if (f.containsKey("neighbors")) {
            Set<InetAddress> seen = new java.util.HashSet<>();
            for (Node n : list(f.get("neighbors"), "neighbors")) {
                neighbor(n, asn).ifPresent(nb -> {
                    if (!seen.add(nb.address())) {
                        problem(n, "neighbor " + Prefixes.addressOf(nb.address().getAddress()) + " is configured twice");
                    } else {
                        neighbors.add(nb);
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(problems);
        }
        return new BgpConfig(file, routerId, asn, listen, port, http, clusterId, kernel, networks, policies, neighbors);
    }

    private void prefixLists(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "prefix-lists: expected a mapping of names to lists of prefixes");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            List<PrefixFilter.Entry> entries = new ArrayList<>();
            for (Node n : list(t.getValueNode(), "prefix-lists." + name)) {
                scalar(n, "prefix-lists." + name).flatMap(s -> prefixEntry(n, s)).ifPresent(entries::add);
            }
            prefixLists.put(name, new PrefixFilter(name, entries));
        }
    }

    private Optional<PrefixFilter.Entry> prefixEntry(Node node, String text) {
        Matcher m = PREFIX_ENTRY.matcher(text.strip());
        if (!m.matches()) {
            problem(node, "'" + text + "': expected PREFIX [ge N] [le N]");
            return Optional.empty();
        }
        Optional<Prefixes.Parsed> p = prefix(node, "prefix list", m.group(1));
        if (p.isEmpty()) {
            return Optional.empty();
        }
        int len = p.get().length();
        int max = p.get().family().maxLength();
        int ge = m.group(2) != null ? Integer.parseInt(m.group(2)) : len;
        int le = m.group(3) != null ? Integer.parseInt(m.group(3)) : (m.group(2) != null ? max : len);
        if (ge < len || le < ge || le > max) {
            problem(node, "'" + text + "': need " + len + " <= ge <= le <= " + max);
            return Optional.empty();
        }
        return Optional.of(new PrefixFilter.Entry(p.get().family(), p.get().hi(), p.get().lo(), len, ge, le));
    }

    private void policies(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "policies: expected a mapping of names to lists of rules");
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String name = ((ScalarNode) t.getKeyNode()).getValue();
            List<Rule> rules = new ArrayList<>();
            for (Node n : list(t.getValueNode(), "policies." + name)) {
                rule(n).ifPresent(rules::add);
            }
            policies.put(name, new Policy(name, rules));
        }
    }

    private Optional<Rule> rule(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a rule is a mapping {match, set, accept}");
            return Optional.empty();
        }
        Map<String, Node> f = fields(map, RULE);
        Rule.Match match = f.containsKey("match") ? match(f.get("match")) : Rule.Match.ANY;
        Rule.Set set = f.containsKey("set") ? set(f.get("set")) : Rule.Set.NONE;
        Boolean accept = f.containsKey("accept") ? bool(f.get("accept"), "accept") : null;
        if (!f.containsKey("accept") && !f.containsKey("set")) {
            problem(map, "a rule needs 'accept' or 'set' (or both)");
        }
        return Optional.of(new Rule(match, set, accept));
    }

    private Rule.Match match(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "match: expected a mapping");
            return Rule.Match.ANY;
        }
        Map<String, Node> f = fields(map, MATCH);
        PrefixFilter prefixes = null;
        if (f.containsKey("prefix-list") && f.containsKey("prefix")) {
            problem(map, "match: use either 'prefix-list' or 'prefix', not both");
        }
        if (f.containsKey("prefix-list")) {
            String name = scalar(f.get("prefix-list"), "prefix-list").orElse("");
            prefixes = prefixLists.get(name);
            if (prefixes == null && !name.isEmpty()) {
                problem(f.get("prefix-list"), "no prefix list named '" + name + "' under prefix-lists (defined: "
                        + prefixLists.keySet().stream().sorted().toList() + ")");
            }
        } else if (f.containsKey("prefix")) {
            List<PrefixFilter.Entry> entries = new ArrayList<>();
            for (Node n : list(f.get("prefix"), "prefix")) {
                scalar(n, "prefix").flatMap(s -> prefixEntry(n, s)).ifPresent(entries::add);
            }
            prefixes = new PrefixFilter("inline", entries);
        }
        Pattern asPath = null;
        if (f.containsKey("as-path")) {
            String re = scalar(f.get("as-path"), "as-path").orElse("");
            try {
                asPath = Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                problem(f.get("as-path"), "as-path: not a regular expression: " + e.getDescription());
            }
        }
        int min = 0;
        int max = Integer.MAX_VALUE;
        if (f.containsKey("as-path-length")) {
            Node n = f.get("as-path-length");
            if (n instanceof MappingNode lm) {
                Map<String, Node> lf = fields(lm, Set.of("eq", "ge", "le"));
                if (lf.containsKey("eq")) {
                    min = max = intIn(lf.get("eq"), "as-path-length.eq", 0, 1000).orElse(0);
                }
                if (lf.containsKey("ge")) {
                    min = intIn(lf.get("ge"), "as-path-length.ge", 0, 1000).orElse(0);
                }
                if (lf.containsKey("le")) {
                    max = intIn(lf.get("le"), "as-path-length.le", 0, 1000).orElse(max);
                }
            } else {
                problem(n, "as-path-length: expected {eq: N}, {ge: N}, {le: N} or {ge: N, le: M}");
            }
        }
        int[] communities = f.containsKey("community") ? communities(f.get("community"), "community") : null;
        int[] large = f.containsKey("large-community") ? largeCommunities(f.get("large-community"), "large-community") : null;
        Family family = null;
        if (f.containsKey("family")) {
            String text = scalar(f.get("family"), "family").orElse("");
            family = Family.ofLabel(text).orElse(null);
            if (family == null) {
                problem(f.get("family"), "family: expected ipv4 or ipv6, not '" + text + "'");
            }
        }
        return new Rule.Match(prefixes, asPath, min, max, communities, large, family);
    }

    private Rule.Set set(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "set: expected a mapping");
            return Rule.Set.NONE;
        }
        Map<String, Node> f = fields(map, SET);
        Long localPref = f.containsKey("local-pref") ? longIn(f.get("local-pref"), "local-pref", 0, 0xFFFF_FFFFL).orElse(null) : null;
        Long med = f.containsKey("med") ? longIn(f.get("med"), "med", 0, 0xFFFF_FFFFL).orElse(null) : null;
        int prepend = f.containsKey("prepend") ? intIn(f.get("prepend"), "prepend", 1, 16).orElse(0) : 0;
        return new Rule.Set(localPref, med, prepend,
                f.containsKey("community-add") ? communities(f.get("community-add"), "community-add") : null,
                f.containsKey("community-remove") ? communities(f.get("community-remove"), "community-remove") : null,
                f.containsKey("large-community-add") ? largeCommunities(f.get("large-community-add"), "large-community-add") : null,
                f.containsKey("large-community-remove")
                        ? largeCommunities(f.get("large-community-remove"), "large-community-remove") : null,
                f.containsKey("next-hop-self") && bool(f.get("next-hop-self"), "next-hop-self"),
                f.containsKey("next-hop") ? scalar(f.get("next-hop"), "next-hop")
                        .flatMap(t -> address(f.get("next-hop"), "next-hop", t)).map(InetAddress::getAddress).orElse(null)
                        : null);
    }

    private int[] communities(Node node, String what) {
        List<Integer> out = new ArrayList<>();
        for (Node n : list(node, what)) {
            scalar(n, what).ifPresent(s -> {
                OptionalInt c = Communities.parse(s);
                if (c.isEmpty()) {
                    problem(n, what + ": '" + s + "' is not a community (ASN:VALUE, each 0..65535, or no-export,"
                            + " no-advertise, no-export-subconfed)");
                } else {
                    out.add(c.getAsInt());
                }
            });
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] largeCommunities(Node node, String what) {
        List<Integer> out = new ArrayList<>();
        for (Node n : list(node, what)) {
            scalar(n, what).ifPresent(s -> {
                int[] l = Communities.parseLarge(s);
                if (l == null) {
                    problem(n, what + ": '" + s + "' is not a large community (GLOBAL:LOCAL1:LOCAL2, each 0..4294967295)");
                } else {
                    for (int v : l) {
                        out.add(v);
                    }
                }
            });
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private Optional<NeighborConfig> neighbor(Node node, long ownAs) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a neighbor is a mapping {address, remote-as, …}");
            return Optional.empty();
        }
        Map<String, Node> f = fields(map, NEIGHBOR);
        Optional<InetAddress> address = required(map, f, "address").flatMap(s -> address(f.get("address"), "address", s));
        Optional<Long> remoteAs = required(map, f, "remote-as").flatMap(s -> asn(f.get("remote-as"), "remote-as", s));
        String description = f.containsKey("description") ? scalar(f.get("description"), "description").orElse("") : "";
        boolean passive = f.containsKey("passive") && bool(f.get("passive"), "passive");
        int hold = 90;
        if (f.containsKey("hold-time")) {
            hold = intIn(f.get("hold-time"), "hold-time", 0, 65535).orElse(90);
            if (hold == 1 || hold == 2) {
                problem(f.get("hold-time"), "hold-time: must be 0 or at least 3 seconds (RFC 4271 §4.2)");
            }
        }
        int retry = f.containsKey("connect-retry") ? intIn(f.get("connect-retry"), "connect-retry", 1, 65535).orElse(5) : 5;
        boolean rr = f.containsKey("route-reflector-client") && bool(f.get("route-reflector-client"), "route-reflector-client");
        boolean nhs = f.containsKey("next-hop-self") && bool(f.get("next-hop-self"), "next-hop-self");
        Policy in = policyRef(f, "import");
        Policy out = policyRef(f, "export");
        long maxPrefix = f.containsKey("max-prefix") ? longIn(f.get("max-prefix"), "max-prefix", 1, Long.MAX_VALUE).orElse(-1L) : -1;
        int restart = f.containsKey("max-prefix-restart")
                ? intIn(f.get("max-prefix-restart"), "max-prefix-restart", 1, 86400).orElse(-1) : -1;
        if (restart > 0 && maxPrefix < 0) {
            problem(f.get("max-prefix-restart"), "max-prefix-restart needs max-prefix");
        }
        Set<Family> families = EnumSet.noneOf(Family.class);
        if (f.containsKey("families")) {
            for (Node n : list(f.get("families"), "families")) {
                scalar(n, "families").ifPresent(s -> Family.ofLabel(s).ifPresentOrElse(families::add,
                        () -> problem(n, "families: expected ipv4 or ipv6, not '" + s + "'")));
            }
        } else {
            families.add(Family.IPV4);
            address.filter(a -> a.getAddress().length == 16).ifPresent(a -> families.add(Family.IPV6));
        }
        byte[] v6NextHop = null;
        if (f.containsKey("ipv6-next-hop")) {
            v6NextHop = scalar(f.get("ipv6-next-hop"), "ipv6-next-hop").flatMap(s -> address(f.get("ipv6-next-hop"),
                    "ipv6-next-hop", s)).map(InetAddress::getAddress).orElse(null);
            if (v6NextHop != null && v6NextHop.length != 16) {
                problem(f.get("ipv6-next-hop"), "ipv6-next-hop: expected an IPv6 address");
            }
        }
        byte[] v4NextHop = null;
        if (f.containsKey("ipv4-next-hop")) {
            v4NextHop = scalar(f.get("ipv4-next-hop"), "ipv4-next-hop").flatMap(s -> address(f.get("ipv4-next-hop"),
                    "ipv4-next-hop", s)).map(InetAddress::getAddress).orElse(null);
            if (v4NextHop != null && v4NextHop.length != 4) {
                problem(f.get("ipv4-next-hop"), "ipv4-next-hop: expected an IPv4 address");
            }
        }
        int port = f.containsKey("port") ? intIn(f.get("port"), "port", 1, 65535).orElse(BgpConfig.BGP_PORT)
                : BgpConfig.BGP_PORT;
        InetAddress localAddress = f.containsKey("local-address") ? scalar(f.get("local-address"), "local-address")
                .flatMap(s -> address(f.get("local-address"), "local-address", s)).orElse(null) : null;
        if (address.isEmpty() || remoteAs.isEmpty()) {
            return Optional.empty();
        }
        if (localAddress != null && localAddress.getAddress().length != address.get().getAddress().length) {
            problem(f.get("local-address"), "local-address: must be of the same family as the neighbor's address");
        }
        return Optional.of(new NeighborConfig(address.get(), remoteAs.get(), description, passive, hold, retry, rr, nhs, in,
                out, maxPrefix, restart, families, v6NextHop, v4NextHop, port, localAddress));
    }

    private Policy policyRef(Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            return null;
        }
        String name = scalar(f.get(field), field).orElse("");
        Policy p = policies.get(name);
        if (p == null && !name.isEmpty()) {
            problem(f.get(field), field + ": no policy named '" + name + "' under policies (defined: "
                    + policies.keySet().stream().sorted().toList() + ")");
        }
        return p;
    }

    // ---- scalars ----

    private Optional<Long> routerId(Node node, String what, String text) {
        Optional<byte[]> a = Prefixes.parseAddress(text);
        if (a.isEmpty() || a.get().length != 4) {
            problem(node, what + ": expected an IPv4 address such as 10.0.0.1, not '" + text + "'");
            return Optional.empty();
        }
        long id = Prefixes.hiOf(a.get());
        if (id == 0) {
            problem(node, what + ": must not be 0.0.0.0 (RFC 6286)");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private Optional<Long> asn(Node node, String what, String text) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= 1 && v <= 0xFFFF_FFFFL && v != 23456) {
                return Optional.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, what + ": expected an AS number 1..4294967295 (not 23456, AS_TRANS), not '" + text + "'");
        return Optional.empty();
    }

    private Optional<InetAddress> address(Node node, String what, String text) {
        Optional<byte[]> a = Prefixes.parseAddress(text);
        if (a.isEmpty()) {
            problem(node, what + ": '" + text + "' is not a numeric IPv4 or IPv6 address");
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(a.get()));
        } catch (UnknownHostException e) {
            problem(node, what + ": '" + text + "': " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Prefixes.Parsed> prefix(Node node, String what, String text) {
        String[] why = new String[1];
        Optional<Prefixes.Parsed> p = Prefixes.parse(text.strip(), why);
        if (p.isEmpty()) {
            problem(node, what + ": " + why[0]);
        }
        return p;
    }

    private Optional<Integer> intIn(Node node, String what, int min, int max) {
        return longIn(node, what, min, max).map(Long::intValue);
    }

    private Optional<Long> longIn(Node node, String what, long min, long max) {
        Optional<String> s = scalar(node, what);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            long v = Long.parseLong(s.get().strip());
            if (v >= min && v <= max) {
                return Optional.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, what + ": expected a number " + min + ".." + max + ", not '" + s.get() + "'");
        return Optional.empty();
    }

    private boolean bool(Node node, String what) {
        Optional<String> s = scalar(node, what);
        if (s.isPresent() && (s.get().equals("true") || s.get().equals("false"))) {
            return s.get().equals("true");
        }
        s.ifPresent(v -> problem(node, what + ": expected true or false, not '" + v + "'"));
        return false;
    }

    private Map<String, Node> fields(MappingNode map, Set<String> known) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode k)) {
                problem(keyNode, "expected a plain key");
                continue;
            }
            if (!known.contains(k.getValue())) {
                problem(keyNode, "unknown setting '" + k.getValue() + "' (expected one of "
                        + known.stream().sorted().toList() + ")");
            } else if (fields.putIfAbsent(k.getValue(), t.getValueNode()) != null) {
                problem(keyNode, "'" + k.getValue() + "' is given twice");
            }
        }
        return fields;
    }

    private Optional<String> required(MappingNode map, Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            problem(map, "missing '" + field + "'");
            return Optional.empty();
        }
        return scalar(f.get(field), field);
    }

    private Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return Optional.of(s.getValue());
        }
        problem(node, what + ": expected a single value");
        return Optional.empty();
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        if (node instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return List.of();
        }
        problem(node, what + ": expected a list");
        return List.of();
    }

    private void problem(Node node, String message) {
        problems.add(new ConfigProblem(source, node.getStartMark().getLine() + 1, message));
    }
}
