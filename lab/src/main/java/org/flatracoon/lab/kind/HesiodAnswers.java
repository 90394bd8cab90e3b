package org.flatracoon.lab.kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * A Hesiod server is ready when it says so on /health and really answers a DNS query: the SOA
 * of each of its zones, asked with dig from inside the node.
 */
final class HesiodAnswers implements ReadinessCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int httpPort;

    HesiodAnswers(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult health = node.exec("curl", "-fsS", "--max-time", "2", "http://127.0.0.1:" + httpPort + "/health");
        if (!health.succeeded()) {
            return Readiness.notYet("/health not answering: " + health.output().strip());
        }
        List<String> zones;
        try {
            JsonNode body = JSON.readTree(health.stdout());
            if (!body.path("ready").asBoolean(false)) {
                return Readiness.notYet("/health says not ready: " + health.stdout().strip());
            }
            zones = new ArrayList<>();
            body.path("zones").forEach(zone -> zones.add(zone.path("name").asText()));
        } catch (Exception e) {
            return Readiness.notYet("/health is not JSON: " + health.stdout().strip());
        }
        for (String zone : zones) {
            ExecResult soa = node.exec("dig", "+norec", "+time=1", "+tries=1", "+short", "@127.0.0.1", "-c", "IN", "-t", "SOA", zone);
            if (!soa.succeeded() || soa.stdout().isBlank()) {
                return Readiness.notYet("no SOA answer for " + zone + ": " + soa.output().strip());
            }
        }
        return Readiness.ready("answers SOA queries for " + zones);
    }
}
