package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Our DNS64 is ready when /health says so and it really answers: the AAAA of ipv4only.arpa, which it makes
 * itself (RFC 8880) and so does not depend on its upstream being up yet.
 */
final class Dns64Answers implements ReadinessCheck {

    private final int httpPort;

    Dns64Answers(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult health = node.exec("curl", "-fsS", "--max-time", "2", "http://127.0.0.1:" + httpPort + "/health");
        if (!health.succeeded() || !health.stdout().contains("\"ready\":true")) {
            return Readiness.notYet("/health not ready: " + health.output().strip());
        }
        ExecResult aaaa = node.exec("dig", "+time=1", "+tries=1", "+short", "@127.0.0.1", "-t", "AAAA", "ipv4only.arpa");
        if (!aaaa.succeeded() || aaaa.stdout().isBlank()) {
            return Readiness.notYet("no AAAA for ipv4only.arpa on 127.0.0.1: " + aaaa.output().strip());
        }
        return Readiness.ready("answers ipv4only.arpa AAAA with " + aaaa.stdout().strip().replace('\n', ' '));
    }
}
