package org.flatracoon.lab.probe;

import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Sends an RFC 2136 dynamic update from inside a node with BIND's real `nsupdate`, signed with a
 * TSIG key file when one is given, and reports whether the server accepted it.
 */
public final class DnsUpdate {

    private final LabNode from;

    public DnsUpdate(LabNode from) {
        this.from = from;
    }

    /**
     * @param dnsClass the class of the zone and records (HS for Hesiod)
     * @param changes nsupdate commands such as {@code update add NAME TTL TXT "…"}
     */
    public UpdateResult send(String server, String zone, String dnsClass, Optional<String> keyFile, List<String> changes) {
        StringBuilder script = new StringBuilder()
                .append("server ").append(server).append('\n')
                .append("zone ").append(zone).append('\n')
                .append("class ").append(dnsClass).append('\n');
        changes.forEach(change -> script.append(change).append('\n'));
        script.append("send\n");
        String keyOption = keyFile.map(file -> " -k " + file).orElse("");
        long start = System.nanoTime();
        ExecResult result = from.exec("sh", "-c", "printf '%s' \"$0\" | nsupdate -t 5" + keyOption, script.toString());
        UpdateResult update = new UpdateResult(result.succeeded(), result.output().strip());
        Observations.record("nsupdate zone " + zone + " at " + server + " from " + from.name(),
                (update.accepted() ? "accepted" : "refused") + (update.output().isEmpty() ? "" : ": " + update.output()), start);
        return update;
    }

    /** Whether the server acknowledged the update, and what nsupdate said (e.g. "update failed: REFUSED"). */
    public record UpdateResult(boolean accepted, String output) {
    }
}
