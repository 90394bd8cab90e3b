package org.flatracoon.netstack.overlay.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;

/** {@code netstack overlay agent --config FILE}: see the module README for every setting. */
public record AgentSettings(Path stateDir, NetworkId network, InetSocketAddress controller,
                            Optional<InetSocketAddress> relay, int udpPort, int httpPort, String interfaceName,
                            List<InetAddress> endpoints, List<Cidr> podSubnets, Duration configPoll,
                            Optional<Address> relayAddress, boolean root) {
    public static final int DEFAULT_HTTP_PORT = 9994;
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Set<String> KNOWN = Set.of("state-dir", "network", "controller", "relay", "udp-port",
            "http-port", "interface", "endpoints", "pod-subnets", "config-poll", "relay-address", "root");

    public static AgentSettings load(Path file) throws ConfigException {
        return from(YamlFields.read(file, KNOWN));
    }

    public static AgentSettings parse(Path file, String text) throws ConfigException {
        return from(YamlFields.parse(file, text, KNOWN));
    }

    private static AgentSettings from(YamlFields f) throws ConfigException {
        Path stateDir = f.required("state-dir", f::path).orElse(null);
        NetworkId network = f.required("network", NetworkId::parse).orElse(null);
        InetSocketAddress controller = f.required("controller", t -> hostPort(t, ControllerSettings.DEFAULT_PORT))
                .orElse(null);
        Optional<InetSocketAddress> relay = f.value("relay", t -> hostPort(t, ControllerSettings.DEFAULT_PORT));
        int udp = f.value("udp-port", t -> YamlFields.port(t, 0)).orElse(ControllerSettings.DEFAULT_PORT);
        int http = f.value("http-port", t -> YamlFields.port(t, 0)).orElse(DEFAULT_HTTP_PORT);
        String ifname = f.value("interface", t -> {
            if (!IFNAME.matcher(t).matches()) {
                throw new IllegalArgumentException("'" + t + "' is not an interface name (1..15 of A-Z a-z 0-9 _ . -)");
            }
            return t;
        }).orElse(network == null ? "zt0" : "zt" + org.flatracoon.netstack.overlay.identity.Hex.of(network.number(),
                6));
        List<InetAddress> endpoints = f.list("endpoints", Ip::parse);
        List<Cidr> pods = f.list("pod-subnets", Cidr::parse);
        Duration poll = f.value("config-poll", YamlFields::duration).orElse(Duration.ofSeconds(1));
        Optional<Address> relayAddress = f.value("relay-address", Address::parse);
        boolean root = f.value("root", AgentSettings::bool).orElse(false);
        f.done();
        return new AgentSettings(stateDir, network, controller, relay, udp, http, ifname, endpoints, pods, poll,
                relayAddress, root);
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT} or a bare IPv6 literal; IP literals only. */
    static InetSocketAddress hostPort(String text, int defaultPort) {
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' is not [IPv6]:PORT");
            }
            host = text.substring(1, close);
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + text + "' is not [IPv6]:PORT");
                }
                port = YamlFields.port(text.substring(close + 2), 1);
            }
        } else if (text.chars().filter(c -> c == ':').count() == 1) {
            host = text.substring(0, text.indexOf(':'));
            port = YamlFields.port(text.substring(text.indexOf(':') + 1), 1);
        }
        return new InetSocketAddress(Ip.parse(host), port);
    }
}
