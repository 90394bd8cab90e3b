package org.flatracoon.lab.probe;

import java.util.Arrays;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Asks a node's own, unmodified Hesiod client (Debian's `hesinfo`, configured by the node's
 * /etc/hesiod.conf and /etc/resolv.conf) and returns what it reported.
 */
public final class HesiodLookup {

    private final LabNode workstation;

    public HesiodLookup(LabNode workstation) {
        this.workstation = workstation;
    }

    /** `hesinfo KEY TYPE`: the records, or not found. */
    public LookupResult lookup(String key, String type) {
        long start = System.nanoTime();
        ExecResult result = workstation.exec("hesinfo", key, type);
        LookupResult lookup = LookupResult.from(key, type, result);
        Observations.record("hesinfo " + key + " " + type + " on " + workstation.name(),
                lookup.found() ? String.join(" | ", lookup.records()) : "not found: " + lookup.clientOutput(), start);
        return lookup;
    }

    /** The DNS name the client asks for KEY TYPE (`hesinfo -b`), e.g. alice.passwd.ns.example.org. */
    public String dnsName(String key, String type) {
        ExecResult result = workstation.exec("hesinfo", "-b", key, type);
        if (!result.succeeded()) {
            throw new ProbeException(workstation.name() + ": hesinfo -b " + key + " " + type + " failed: "
                    + result.output().strip());
        }
        return result.stdout().lines().findFirst().orElseThrow().strip();
    }

    /** What `hesinfo` printed for one lookup. */
    public record LookupResult(String key, String type, boolean found, List<String> records, String clientOutput) {

        static LookupResult from(String key, String type, ExecResult result) {
            List<String> lines = Arrays.stream(result.stdout().split("\n")).map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            return new LookupResult(key, type, result.succeeded() && !lines.isEmpty(), lines, result.output().strip());
        }

        /** The only record; a lookup that found none or several is a failed expectation. */
        public String single() {
            if (!found || records.size() != 1) {
                throw new AssertionError("expected one " + type + " record for " + key + ", the client reported: "
                        + (clientOutput.isEmpty() ? "nothing" : clientOutput));
            }
            return records.get(0);
        }
    }
}
