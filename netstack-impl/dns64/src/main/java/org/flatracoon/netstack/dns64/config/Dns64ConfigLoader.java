package org.flatracoon.netstack.dns64.config;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.hesiod.config.AddressAcl;
import org.xbill.DNS.Address;
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
 * Reads the YAML configuration of {@code netstack dns64 serve --config}, working on SnakeYAML's node tree so that
 * every problem carries its line, and reporting all problems at once ({@code file:line: message}), as the hesiod
 * server's configuration does.
 *
 * <pre>
 * listen: {addresses: ["::"], port: 53}
 * upstream: [203.0.113.194, "[2001:db8:6a::53]:5300"]
 * upstream-timeout: 2s
 * prefix: fd64:ff9b::/96
 * exclude: ["::ffff:0:0/96"]
 * cache: {max-entries: 10000}
 * http: {port: 8080}
 * udp-workers: 8
 * allow-query: ["2001:db8:6a::/48", 127.0.0.1]
 * </pre>
 */
public final class Dns64ConfigLoader {
    private static final Set<String> TOP = Set.of("listen", "upstream", "upstream-timeout", "prefix", "exclude",
            "cache", "http", "udp-workers", "allow-query");
    private static final Set<String> LISTEN = Set.of("addresses", "port");
    private static final Set<String> CACHE = Set.of("max-entries");
    private static final Set<String> HTTP = Set.of("port");
    private static final int UPSTREAM_PORT = 53;

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private Dns64ConfigLoader(String source) {
        this.source = source;
    }

    public static Dns64Config load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, "cannot read: " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Parses configuration text as if read from {@code source}. */
    public static Dns64Config parse(String source, String text) throws ConfigException {
        return new Dns64ConfigLoader(source).parse(text);
    }

    private Dns64Config parse(String text) throws ConfigException {
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
            throw new ConfigException(List.of(new ConfigProblem(source, root == null ? 0 : line(root),
                    "expected a mapping with upstream, prefix and optionally listen, exclude, cache, http")));
        }
        Map<String, Node> f = fields(top, TOP);

        List<InetAddress> addresses = new ArrayList<>();
        int port = Dns64Config.DEFAULT_PORT;
        if (f.containsKey("listen")) {
            Map<String, Node> listen = mapping(f.get("listen"), "listen", LISTEN);
            if (listen.containsKey("addresses")) {
                for (Node n : list(listen.get("addresses"), "listen.addresses")) {
                    scalar(n, "listen.addresses").flatMap(s -> literal(n, "listen.addresses", s)).ifPresent(addresses::add);
                }
            }
            port = port(listen.get("port"), "listen.port", Dns64Config.DEFAULT_PORT, 0);
        }

        List<InetSocketAddress> upstream = new ArrayList<>();
        if (!f.containsKey("upstream")) {
            problem(top, "missing 'upstream': the resolver(s) to forward to, e.g. upstream: [203.0.113.194]");
        } else {
            List<Node> servers = list(f.get("upstream"), "upstream");
            for (Node n : servers) {
                scalar(n, "upstream").flatMap(s -> server(n, s)).ifPresent(upstream::add);
            }
            if (servers.isEmpty() && f.get("upstream") instanceof SequenceNode) {
                problem(f.get("upstream"), "upstream: at least one server is needed");
            }
        }
        Duration timeout = Dns64Config.DEFAULT_UPSTREAM_TIMEOUT;
        if (f.containsKey("upstream-timeout")) {
            timeout = scalar(f.get("upstream-timeout"), "upstream-timeout")
                    .flatMap(t -> duration(f.get("upstream-timeout"), t)).orElse(timeout);
        }

        Pref64 prefix = null;
        if (!f.containsKey("prefix")) {
            problem(top, "missing 'prefix': the NAT64 prefix, e.g. prefix: fd64:ff9b::/96 (the same as the translator's)");
        } else {
            prefix = scalar(f.get("prefix"), "prefix").flatMap(p -> parsed(f.get("prefix"), "prefix", p, Pref64::parse))
                    .orElse(null);
        }

        List<Ipv6Range> exclude = new ArrayList<>();
        if (f.containsKey("exclude")) {
            for (Node n : list(f.get("exclude"), "exclude")) {
                scalar(n, "exclude").flatMap(s -> parsed(n, "exclude", s, Ipv6Range::parse)).ifPresent(exclude::add);
            }
        } else {
            exclude.add(Ipv6Range.IPV4_MAPPED);
        }

        int cacheEntries = Dns64Config.DEFAULT_CACHE_ENTRIES;
        if (f.containsKey("cache")) {
            Map<String, Node> cache = mapping(f.get("cache"), "cache", CACHE);
            cacheEntries = number(cache.get("max-entries"), "cache.max-entries", cacheEntries, 0, 10_000_000);
        }
        int httpPort = Dns64Config.DEFAULT_HTTP_PORT;
        if (f.containsKey("http")) {
            Map<String, Node> http = mapping(f.get("http"), "http", HTTP);
            httpPort = port(http.get("port"), "http.port", httpPort, 0);
        }
        int workers = number(f.get("udp-workers"), "udp-workers", Dns64Config.DEFAULT_UDP_WORKERS, 1, 256);
        AddressAcl allowQuery = Dns64Config.ANY_CLIENT;
        if (f.containsKey("allow-query")) {
            List<AddressAcl.Prefix> prefixes = new ArrayList<>();
            for (Node n : list(f.get("allow-query"), "allow-query")) {
                scalar(n, "allow-query").flatMap(s -> parsed(n, "allow-query", s, AddressAcl::parsePrefix))
                        .ifPresent(prefixes::add);
            }
            allowQuery = new AddressAcl(prefixes);
        }

        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(ConfigProblem::line));
            throw new ConfigException(problems);
        }
        return new Dns64Config(addresses, port, upstream, timeout, prefix, exclude, cacheEntries, httpPort, workers,
                allowQuery);
    }

    /** {@code ADDRESS}, {@code ADDRESS:PORT} (IPv4) or {@code [IPv6]:PORT}; port 53 if none. */
    private Optional<InetSocketAddress> server(Node node, String text) {
        String host = text;
        String portText = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || (close + 1 < text.length() && text.charAt(close + 1) != ':')) {
                problem(node, "upstream: '" + text + "' is not ADDRESS, ADDRESS:PORT or [IPv6]:PORT");
                return Optional.empty();
            }
            host = text.substring(1, close);
            portText = close + 1 < text.length() ? text.substring(close + 2) : null;
        } else if (text.chars().filter(c -> c == ':').count() == 1) {
            host = text.substring(0, text.indexOf(':'));
            portText = text.substring(text.indexOf(':') + 1);
        }
        Optional<InetAddress> address = literal(node, "upstream", host);
        int port = UPSTREAM_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                problem(node, "upstream: port '" + portText + "' in '" + text + "' is not in 1..65535");
                return Optional.empty();
            }
        }
        int p = port;
        return address.map(a -> new InetSocketAddress(a, p));
    }

    /** An IPv4 or IPv6 literal; names are refused (no lookups while reading a configuration). */
    private Optional<InetAddress> literal(Node node, String field, String text) {
        try {
            return Optional.of(Address.getByAddress(text));
        } catch (java.net.UnknownHostException e) {
            problem(node, field + ": '" + text + "' is not an IPv4 or IPv6 address");
            return Optional.empty();
        }
    }

    private <T> Optional<T> parsed(Node node, String field, String text, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            problem(node, field + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code 500ms}, {@code 2}, {@code 2s}; between 10 ms and 60 s. */
    private Optional<Duration> duration(Node node, String text) {
        Matcher m = Pattern.compile("(\\d{1,6})(ms|s)?").matcher(text.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = "ms".equals(m.group(2)) ? Duration.ofMillis(n) : Duration.ofSeconds(n);
            if (d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofSeconds(60)) <= 0) {
                return Optional.of(d);
            }
        }
        problem(node, "upstream-timeout: expected a duration such as 2s or 500ms (10 ms to 60 s), not '" + text + "'");
        return Optional.empty();
    }

    private int port(Node node, String field, int fallback, int min) {
        return number(node, field, fallback, min, 65_535);
    }

    private int number(Node node, String field, int fallback, int min, int max) {
        if (node == null) {
            return fallback;
        }
        Optional<String> text = scalar(node, field);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.get().strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, field + ": expected a number in " + min + ".." + max + ", not '" + text.get() + "'");
        return fallback;
    }

    private Map<String, Node> mapping(Node node, String field, Set<String> known) {
        if (node instanceof MappingNode map) {
            return fields(map, known);
        }
        problem(node, field + ": expected a mapping with " + known.stream().sorted().toList());
        return Map.of();
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
