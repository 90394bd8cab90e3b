package org.flatracoon.lab.probe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Many pings in quick succession (every 10 ms) from inside a node, to measure what share a
 * lossy path loses: enough packets for a tight bound, in a few seconds.
 */
public final class RapidPing {

    private static final Pattern COUNTS = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    private final LabNode from;

    public RapidPing(LabNode from) {
        this.from = from;
    }

    public Loss send(String address, int count) {
        ExecResult result = from.exec(Duration.ofSeconds(30 + count / 50), "ping", "-n", "-q", "-c",
                String.valueOf(count), "-i", "0.01", "-W", "1", address);
        Matcher m = COUNTS.matcher(result.stdout());
        if (!m.find()) {
            throw new ProbeException("ping from " + from.name() + " to " + address + " printed no statistics: "
                    + result.output().strip());
        }
        return new Loss(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** How many echo requests went out and how many replies came back. */
    public record Loss(int sent, int answered) {
        public double lostPercent() {
            return sent == 0 ? 0 : 100.0 * (sent - answered) / sent;
        }
    }
}
