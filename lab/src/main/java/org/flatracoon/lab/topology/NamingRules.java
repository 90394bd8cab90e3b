package org.flatracoon.lab.topology;

import java.util.Optional;
import java.util.regex.Pattern;

/** Which names the lab accepts for labs, nodes and interfaces, and why a name is refused. */
final class NamingRules {

    // Lab and node names end up in container, network and host names, hence DNS-label-like and short.
    private static final Pattern LAB_OR_NODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final String LAB_OR_NODE_RULE =
            "use 1-31 characters from a-z, 0-9 and '-', starting with a letter or digit";

    // Linux's dev_valid_name(): shorter than IFNAMSIZ (16), not "." or "..", no '/', ':' or whitespace.
    private static final int MAX_INTERFACE_NAME = 15;

    private NamingRules() {
    }

    static Optional<String> labNameProblem(String name) {
        return LAB_OR_NODE.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("invalid lab name '" + name + "'; " + LAB_OR_NODE_RULE);
    }

    static Optional<String> nodeNameProblem(String name) {
        return LAB_OR_NODE.matcher(name).matches()
                ? Optional.empty()
                : Optional.of("invalid node name '" + name + "'; " + LAB_OR_NODE_RULE);
    }

    /**
     * Why {@code name} cannot name a link interface on {@code node}, if it cannot. {@code eth0}
     * is fine: containerlab keeps it for its management network, but this lab has none (every
     * Docker network is one link), so eth0 is an ordinary link interface here.
     */
    static Optional<String> interfaceNameProblem(String node, String name) {
        String subject = "interface name '" + name + "' on node '" + node + "'";
        if (name.isEmpty()) {
            return Optional.of("empty interface name on node '" + node + "'");
        }
        if (name.length() > MAX_INTERFACE_NAME) {
            return Optional.of(subject + " is longer than " + MAX_INTERFACE_NAME + " characters (Linux limit)");
        }
        if (name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            return Optional.of(subject + " is not valid on Linux (no '/', ':', whitespace, '.' or '..')");
        }
        if (name.equals("lo")) {
            return Optional.of(subject + " is the loopback interface and cannot be part of a link");
        }
        return Optional.empty();
    }
}
