package org.flatracoon.lab.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * iperf3 run from inside a node against an iperf3 server (`iperf3 --server --daemon`) in
 * another, read from its JSON report. "Reverse" makes the server the sender, so one client
 * measures both directions of a link.
 */
public final class Iperf {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabNode client;

    public Iperf(LabNode client) {
        this.client = client;
    }

    /** TCP for {@code seconds}: what the receiver got, in bits per second. */
    public double tcpBitsPerSecond(String server, int seconds, boolean reverse) {
        JsonNode report = run(server, seconds, reverse, "--json");
        return report.path("end").path("sum_received").path("bits_per_second").asDouble();
    }

    /** UDP datagrams of 1200 bytes sent at {@code rate} for {@code seconds}: how many were sent and lost. */
    public Datagrams udp(String server, String rate, int seconds, boolean reverse) {
        JsonNode sum = run(server, seconds, reverse, "--json", "--udp", "--bitrate", rate, "--length", "1200")
                .path("end").path("sum");
        return new Datagrams(sum.path("packets").asInt(), sum.path("lost_packets").asInt());
    }

    private JsonNode run(String server, int seconds, boolean reverse, String... options) {
        List<String> command = new ArrayList<>(List.of("iperf3", "--client", server, "--time", String.valueOf(seconds)));
        command.addAll(List.of(options));
        if (reverse) {
            command.add("--reverse");
        }
        ExecResult result = client.exec(Duration.ofSeconds(seconds + 30L), command.toArray(String[]::new));
        JsonNode report;
        try {
            report = JSON.readTree(result.stdout());
        } catch (java.io.IOException e) {
            throw new ProbeException("iperf3 in " + client.name() + " printed no JSON report: " + result.output().strip());
        }
        if (report == null || report.has("error")) {
            throw new ProbeException("iperf3 from " + client.name() + " to " + server + " failed: "
                    + (report == null ? result.output().strip() : report.get("error").asText()));
        }
        return report;
    }

    /** UDP datagrams sent and lost on the way. */
    public record Datagrams(int sent, int lost) {
        public double lostPercent() {
            return sent == 0 ? 0 : 100.0 * lost / sent;
        }
    }
}
