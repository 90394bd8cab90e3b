package org.flatracoon.lab.probe.bgp;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.probe.ProbeException;

/**
 * Reads BIRD 2's {@code show protocols all} into sessions: one block per protocol, starting with
 * its table line ({@code r1_v4 BGP --- up 2026-11-26 03:51:30 Established}); only BGP ones count.
 * The uptime needs {@code timeformat protocol iso long;} (a full date in the "Since" column);
 * with BIRD's default format (time of day only) it is left empty.
 */
final class BirdProtocols {

    private static final Pattern PROTOCOL_LINE = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.*)$");
    private static final Pattern SINCE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final Pattern ROUTES = Pattern.compile("^\\s*Routes:\\s+(\\d+) imported");
    private static final DateTimeFormatter ISO_LONG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BirdProtocols() {
    }

    static List<BgpSession> parse(String text, Clock clock) {
        List<BgpSession> sessions = new ArrayList<>();
        Block block = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("BIRD ") || line.startsWith("Name ")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                addIfBgp(block, sessions, clock);
                Matcher protocol = PROTOCOL_LINE.matcher(line.strip());
                block = protocol.matches() ? new Block(protocol.group(2), protocol.group(5)) : null;
                continue;
            }
            if (block != null) {
                block.read(line);
            }
        }
        addIfBgp(block, sessions, clock);
        return sessions;
    }

    private static void addIfBgp(Block block, List<BgpSession> sessions, Clock clock) {
        if (block == null || !block.proto.equals("BGP")) {
            return;
        }
        if (block.neighbor == null || block.state == null) {
            throw new ProbeException("birdc printed a BGP protocol without 'Neighbor address' or 'BGP state': "
                    + block.sinceAndInfo);
        }
        boolean established = block.state.equals("Established");
        Optional<Duration> uptime = established ? since(block.sinceAndInfo).map(since ->
                Duration.between(since.toInstant(ZoneOffset.UTC), clock.instant())) : Optional.empty();
        sessions.add(new BgpSession(Addresses.canonical(block.neighbor), block.state, uptime, block.imported,
                Optional.ofNullable(block.lastError)));
    }

    private static Optional<LocalDateTime> since(String sinceAndInfo) {
        Matcher matcher = SINCE.matcher(sinceAndInfo);
        return matcher.find() ? Optional.of(LocalDateTime.parse(matcher.group(1), ISO_LONG)) : Optional.empty();
    }

    /** What one protocol's block says, line by line. */
    private static final class Block {
        final String proto;
        final String sinceAndInfo;
        String state;
        String neighbor;
        String lastError;
        int imported;

        Block(String proto, String sinceAndInfo) {
            this.proto = proto;
            this.sinceAndInfo = sinceAndInfo;
        }

        void read(String line) {
            String stripped = line.strip();
            Matcher routes = ROUTES.matcher(line);
            if (stripped.startsWith("BGP state:")) {
                state = valueOf(stripped);
            } else if (stripped.startsWith("Neighbor address:")) {
                neighbor = valueOf(stripped);
            } else if (stripped.startsWith("Last error:")) {
                lastError = valueOf(stripped);
            } else if (routes.find()) {
                imported += Integer.parseInt(routes.group(1));
            }
        }

        private static String valueOf(String line) {
            return line.substring(line.indexOf(':') + 1).strip();
        }
    }
}
