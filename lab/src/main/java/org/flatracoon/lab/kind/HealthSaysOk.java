package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** A service of ours is ready when its {@code /health} answers 200 with {@code "status": "ok"}. */
final class HealthSaysOk implements ReadinessCheck {

    private final int httpPort;

    HealthSaysOk(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult health = node.exec("curl", "-fsS", "--max-time", "2", "http://127.0.0.1:" + httpPort + "/health");
        if (!health.succeeded()) {
            return Readiness.notYet("/health not answering: " + health.output().strip());
        }
        return health.stdout().replace(" ", "").contains("\"status\":\"ok\"")
                ? Readiness.ready("/health says ok")
                : Readiness.notYet("/health does not say ok: " + health.stdout().strip());
    }
}
