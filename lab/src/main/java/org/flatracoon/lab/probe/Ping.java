package org.flatracoon.lab.probe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** Pings an address from inside a node with the real `ping` and reports what came back. */
public final class Ping {

    private static final Pattern RECEIVED = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    private final LabNode from;

    public Ping(LabNode from) {
        this.from = from;
    }

    public PingResult send(String address, int count) {
        long start = System.nanoTime();
        PingResult ping = parse(address, from.exec("ping", "-n", "-c", String.valueOf(count), "-W", "1", "-i", "0.2", address));
        return observed(ping, address, start);
    }

    /** Pings from one of the node's own addresses, as a pod behind the node would. */
    public PingResult sendFrom(String source, String address, int count) {
        long start = System.nanoTime();
        PingResult ping = parse(address, from.exec("ping", "-n", "-c", String.valueOf(count), "-W", "1", "-i", "0.2",
                "-I", source, address));
        return observed(ping, address + " (from " + source + ")", start);
    }

    private PingResult observed(PingResult ping, String target, long start) {
        Observations.record("ping " + target + " from " + from.name(), ping.transmitted() == 0
                ? "nothing sent: " + ping.output() : ping.received() + "/" + ping.transmitted() + " replies", start);
        return ping;
    }

    private static PingResult parse(String address, ExecResult result) {
        Matcher matcher = RECEIVED.matcher(result.stdout());
        if (!matcher.find()) {
            // ping prints no statistics when it cannot send at all (e.g. "Network is unreachable"):
            // nothing went out, which is not the same as requests sent and lost.
            return new PingResult(address, 0, 0, result.output().strip());
        }
        return new PingResult(address, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                result.output().strip());
    }

    /** How many echo requests went out and how many replies came back. */
    public record PingResult(String address, int transmitted, int received, String output) {
        public boolean anyReply() {
            return received > 0;
        }
    }
}
