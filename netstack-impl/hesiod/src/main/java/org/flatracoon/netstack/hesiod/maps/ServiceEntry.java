package org.flatracoon.netstack.hesiod.maps;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code service} map entry: {@code name proto port [aliases…]}, separated by whitespace or ';'
 * (hesiod's getservbyname accepts both). Formatting always uses single spaces.
 */
public record ServiceEntry(String name, String protocol, int port, List<String> aliases) implements HesiodEntry {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s;]+");
    private static final Pattern EDGES = Pattern.compile("^[\\s;]+|[\\s;]+$");

    public ServiceEntry {
        requireServiceToken(name, "service name");
        requireServiceToken(protocol, "protocol");
        if (port < 0 || port > 65_535) {
            throw new HesiodFormatException("port " + port + " is out of range (0..65535)");
        }
        aliases = List.copyOf(aliases);
        for (String alias : aliases) {
            requireServiceToken(alias, "alias");
        }
    }

    public static ServiceEntry parse(String txt) {
        String core = EDGES.matcher(txt).replaceAll("");
        String[] t = core.isEmpty() ? new String[0] : SEPARATORS.split(core);
        if (t.length < 3) {
            throw new HesiodFormatException("expected at least 3 fields (name proto port), got " + t.length);
        }
        return new ServiceEntry(t[0], t[1], Fields.port(t[2]), List.of(t).subList(3, t.length));
    }

    private static void requireServiceToken(String value, String what) {
        Fields.requireToken(value, what);
        Fields.requireWithout(value, ";", what);
    }

    @Override
    public String format() {
        StringBuilder sb = new StringBuilder().append(name).append(' ').append(protocol).append(' ').append(port);
        aliases.forEach(a -> sb.append(' ').append(a));
        return sb.toString();
    }
}
