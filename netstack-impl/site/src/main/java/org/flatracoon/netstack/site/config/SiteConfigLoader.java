package org.flatracoon.netstack.site.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flatracoon.netstack.site.config.SitePolicy.Action;
import org.flatracoon.netstack.site.config.SitePolicy.Direction;
import org.flatracoon.netstack.site.config.SitePolicy.Ipv6Policy;
import org.flatracoon.netstack.site.config.SitePolicy.Ipv6Rule;
import org.flatracoon.netstack.site.config.SitePolicy.Nat64;
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
 * Reads the YAML site policy of {@code netstack site enforce --config}. Like the Hesiod server's
 * configuration, it works on SnakeYAML's node tree so every problem carries its line, and it
 * collects every problem before giving up, so one run shows all that is wrong.
 */
public final class SiteConfigLoader {
    private static final Set<String> TOP = Set.of("site-interfaces", "outside-interfaces", "nat64", "ipv6", "http-port");
    private static final Set<String> NAT64 = Set.of("prefix", "pool", "ipv4-address", "ipv6-address", "tun-device",
            "data-dir");
    private static final Set<String> IPV6 = Set.of("inbound", "outbound", "rules");
    private static final Set<String> RULE = Set.of("action", "direction", "from", "to", "protocol", "ports");
    private static final Set<Integer> RFC6052_LENGTHS = Set.of(32, 40, 48, 56, 64, 96);
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmpv6");
    /** Linux interface names: at most 15 bytes, no '/', no whitespace; we keep to the usual characters. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Prefix RFC8215_LOCAL_USE = Prefix.parse("64:ff9b:1::/48");
    static final int DEFAULT_HTTP_PORT = 8080;
    static final String DEFAULT_TUN = "nat64";
    static final Path DEFAULT_DATA_DIR = Path.of("/var/spool/tayga");

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private SiteConfigLoader(Path file) {
        this.source = file.toString();
    }

    public static SitePolicy load(Path file) throws SiteConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SiteConfigException(List.of(new ConfigProblem(file.toString(), 0, "no such file")));
        } catch (IOException e) {
            throw new SiteConfigException(List.of(new ConfigProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return parse(file, text);
    }

    /** Parses configuration text as if read from {@code file} (which need not exist), e.g. from a test. */
    public static SitePolicy parse(Path file, String text) throws SiteConfigException {
        return new SiteConfigLoader(file).parse(text);
    }

    private SitePolicy parse(String text) throws SiteConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new SiteConfigException(List.of(new ConfigProblem(source, e.getProblemMark().getLine() + 1,
                    "YAML syntax: " + e.getProblem())));
        } catch (YAMLException e) {
            throw new SiteConfigException(List.of(new ConfigProblem(source, 0, "YAML: " + e.getMessage())));
        }
        if (!(root instanceof MappingNode top)) {
            throw new SiteConfigException(List.of(new ConfigProblem(source, 0,
                    "expected a mapping with site-interfaces, outside-interfaces, nat64, ipv6 and http-port")));
        }
        Map<String, Node> f = fields(top, TOP);
        List<String> site = interfaces(top, f, "site-interfaces");
        List<String> outside = interfaces(top, f, "outside-interfaces");
        for (String name : site) {
            if (outside.contains(name)) {
                problem(f.get("outside-interfaces"), "interface " + name + " cannot face both the site and the outside");
            }
        }
        Optional<Nat64> nat64 = f.containsKey("nat64") ? nat64(f.get("nat64")) : missing(top, "nat64");
        nat64.ifPresent(n -> {
            if (site.contains(n.tunDevice()) || outside.contains(n.tunDevice())) {
                problem(f.get("nat64"), "tun-device " + n.tunDevice() + " is Tayga's own device; it cannot also be a"
                        + " site or outside interface");
            }
        });
        Ipv6Policy ipv6 = f.containsKey("ipv6") ? ipv6(f.get("ipv6"))
                : new Ipv6Policy(Action.DENY, Action.ALLOW, List.of());
        int httpPort = f.containsKey("http-port") ? port(f.get("http-port"), "http-port").orElse(0) : DEFAULT_HTTP_PORT;
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new SiteConfigException(problems);
        }
        return new SitePolicy(site, outside, nat64.orElseThrow(), ipv6, httpPort);
    }

    private List<String> interfaces(MappingNode top, Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            problem(top, "missing '" + field + "'");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : list(f.get(field), field)) {
            scalar(n, field).ifPresent(name -> {
                if (!INTERFACE.matcher(name).matches()) {
                    problem(n, field + ": '" + name + "' is not an interface name (1 to 15 of A-Z a-z 0-9 _ . -)");
                } else if (!seen.add(name)) {
                    problem(n, field + ": " + name + " is listed twice");
                } else {
                    names.add(name);
                }
            });
        }
        if (names.isEmpty() && f.get(field) instanceof SequenceNode s && s.getValue().isEmpty()) {
            problem(f.get(field), field + ": at least one interface is needed");
        }
        return names;
    }

    private Optional<Nat64> nat64(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "nat64: expected a mapping with prefix, pool, ipv4-address (and optionally ipv6-address,"
                    + " tun-device, data-dir)");
            return Optional.empty();
        }
        Map<String, Node> f = fields(map, NAT64);
        Optional<Prefix> prefix = required(map, f, "prefix").flatMap(t -> prefix(f.get("prefix"), "prefix", t));
        prefix.ifPresent(p -> checkTranslationPrefix(f.get("prefix"), p));
        Optional<Prefix> pool = required(map, f, "pool").flatMap(t -> prefix(f.get("pool"), "pool", t));
        pool.ifPresent(p -> {
            if (!p.isIpv4()) {
                problem(f.get("pool"), "pool: Tayga's dynamic pool is IPv4, not " + p);
            } else if (p.length() > 30) {
                problem(f.get("pool"), "pool: " + p + " is too small for a dynamic pool (at most /30)");
            }
        });
        Optional<InetAddress> ipv4 = required(map, f, "ipv4-address")
                .flatMap(t -> address(f.get("ipv4-address"), "ipv4-address", t));
        ipv4.ifPresent(a -> {
            if (!(a instanceof Inet4Address)) {
                problem(f.get("ipv4-address"), "ipv4-address: Tayga's own IPv4 address must be IPv4, not " + Prefix.text(a));
            }
        });
        Optional<InetAddress> ipv6 = Optional.empty();
        if (f.containsKey("ipv6-address")) {
            ipv6 = scalar(f.get("ipv6-address"), "ipv6-address")
                    .flatMap(t -> address(f.get("ipv6-address"), "ipv6-address", t));
            ipv6.ifPresent(a -> {
                if (!(a instanceof Inet6Address)) {
                    problem(f.get("ipv6-address"), "ipv6-address: must be IPv6, not " + Prefix.text(a));
                } else if (prefix.isPresent() && prefix.get().contains(a)) {
                    problem(f.get("ipv6-address"), "ipv6-address: " + Prefix.text(a) + " lies inside the translation"
                            + " prefix " + prefix.get() + "; Tayga's own address must be outside it");
                }
            });
        }
        String tun = DEFAULT_TUN;
        if (f.containsKey("tun-device")) {
            tun = scalar(f.get("tun-device"), "tun-device").filter(t -> {
                boolean ok = INTERFACE.matcher(t).matches();
                if (!ok) {
                    problem(f.get("tun-device"), "tun-device: '" + t + "' is not an interface name");
                }
                return ok;
            }).orElse(DEFAULT_TUN);
        }
        Path dataDir = DEFAULT_DATA_DIR;
        if (f.containsKey("data-dir")) {
            dataDir = scalar(f.get("data-dir"), "data-dir").map(Path::of).orElse(DEFAULT_DATA_DIR);
            if (!dataDir.isAbsolute()) {
                problem(f.get("data-dir"), "data-dir: expected an absolute path, not " + dataDir);
            }
        }
        if (prefix.isEmpty() || pool.isEmpty() || ipv4.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Nat64(prefix.get(), tun, pool.get(), ipv4.get(), ipv6, dataDir));
    }

    /** RFC 6052 lengths, and what Tayga 0.9.2 refuses, said before Tayga says it less clearly. */
    private void checkTranslationPrefix(Node node, Prefix prefix) {
        if (!prefix.isIpv6()) {
            problem(node, "prefix: the NAT64 prefix is IPv6, not " + prefix);
            return;
        }
        if (!RFC6052_LENGTHS.contains(prefix.length())) {
            problem(node, "prefix: " + prefix + " has length " + prefix.length() + "; RFC 6052 allows 32, 40, 48, 56,"
                    + " 64 or 96");
        } else if (prefix.length() < 96 && prefix.network().getAddress()[8] != 0) {
            problem(node, "prefix: bits 64-71 of " + prefix + " must be zero (RFC 6052 'u' octet)");
        }
        if (prefix.overlaps(RFC8215_LOCAL_USE)) {
            problem(node, "prefix: " + prefix + " is in 64:ff9b:1::/48, which Tayga 0.9.2 refuses as reserved; use a"
                    + " prefix from the site's own space or a ULA such as fd64:ff9b::/96");
        }
    }

    private Ipv6Policy ipv6(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "ipv6: expected a mapping with inbound, outbound and rules");
            return new Ipv6Policy(Action.DENY, Action.ALLOW, List.of());
        }
        Map<String, Node> f = fields(map, IPV6);
        Action inbound = f.containsKey("inbound") ? action(f.get("inbound"), "inbound").orElse(Action.DENY) : Action.DENY;
        Action outbound = f.containsKey("outbound") ? action(f.get("outbound"), "outbound").orElse(Action.ALLOW)
                : Action.ALLOW;
        List<Ipv6Rule> rules = new ArrayList<>();
        if (f.containsKey("rules")) {
            list(f.get("rules"), "rules").forEach(n -> rule(n).ifPresent(rules::add));
        }
        return new Ipv6Policy(inbound, outbound, rules);
    }

    private Optional<Ipv6Rule> rule(Node node) {
        if (!(node instanceof MappingNode map)) {
            problem(node, "a rule is a mapping {action, direction, from, to, protocol, ports}");
            return Optional.empty();
        }
        Map<String, Node> f = fields(map, RULE);
        Optional<Action> action = required(map, f, "action").flatMap(t -> action(f.get("action"), "action"));
        Optional<Direction> direction = required(map, f, "direction").flatMap(t -> {
            try {
                return Optional.of(Direction.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(f.get("direction"), "direction: expected inbound or outbound, not '" + t + "'");
                return Optional.empty();
            }
        });
        Optional<Prefix> from = ipv6Prefix(f, "from");
        Optional<Prefix> to = ipv6Prefix(f, "to");
        Optional<String> protocol = Optional.empty();
        if (f.containsKey("protocol")) {
            protocol = scalar(f.get("protocol"), "protocol").map(p -> p.toLowerCase(Locale.ROOT)).filter(p -> {
                boolean known = PROTOCOLS.contains(p);
                if (!known) {
                    problem(f.get("protocol"), "protocol: expected tcp, udp or icmpv6, not '" + p + "'");
                }
                return known;
            });
        }
        List<Integer> ports = new ArrayList<>();
        if (f.containsKey("ports")) {
            Node portsNode = f.get("ports");
            List<Node> items = portsNode instanceof ScalarNode ? List.of(portsNode) : list(portsNode, "ports");
            items.forEach(n -> port(n, "ports").ifPresent(ports::add));
            if (protocol.isEmpty() || protocol.get().equals("icmpv6")) {
                problem(portsNode, "ports: need protocol tcp or udp");
            }
        }
        if (action.isEmpty() || direction.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ipv6Rule(action.get(), direction.get(), from, to, protocol, ports, line(map)));
    }

    private Optional<Prefix> ipv6Prefix(Map<String, Node> f, String field) {
        if (!f.containsKey(field)) {
            return Optional.empty();
        }
        return scalar(f.get(field), field).flatMap(t -> prefix(f.get(field), field, t)).filter(p -> {
            if (!p.isIpv6()) {
                problem(f.get(field), field + ": IPv6 rules take IPv6 prefixes, not " + p);
            }
            return p.isIpv6();
        });
    }

    private Optional<Action> action(Node node, String field) {
        return scalar(node, field).flatMap(t -> {
            try {
                return Optional.of(Action.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problem(node, field + ": expected allow or deny, not '" + t + "'");
                return Optional.empty();
            }
        });
    }

    private Optional<Prefix> prefix(Node node, String field, String text) {
        try {
            return Optional.of(Prefix.parse(text));
        } catch (IllegalArgumentException e) {
            problem(node, field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<InetAddress> address(Node node, String field, String text) {
        try {
            return Optional.of(Prefix.literal(text));
        } catch (IllegalArgumentException e) {
            problem(node, field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Integer> port(Node node, String field) {
        return scalar(node, field).flatMap(t -> {
            try {
                int port = Integer.parseInt(t);
                if (port >= 1 && port <= 65_535) {
                    return Optional.of(port);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(node, field + ": '" + t + "' is not a port (1..65535)");
            return Optional.empty();
        });
    }

    private <T> Optional<T> missing(MappingNode map, String field) {
        problem(map, "missing '" + field + "'");
        return Optional.empty();
    }

    /** The mapping's fields by key; unknown and repeated keys are problems. */
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
            return Optional.of(s.getValue().strip());
        }
        problem(node, what + ": expected a single value");
        return Optional.empty();
    }

    private List<Node> list(Node node, String what) {
        if (node instanceof SequenceNode s) {
            return s.getValue();
        }
        problem(node, what + ": expected a list");
        return List.of();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void problem(Node node, String message) {
        problems.add(new ConfigProblem(source, line(node), message));
    }
}
