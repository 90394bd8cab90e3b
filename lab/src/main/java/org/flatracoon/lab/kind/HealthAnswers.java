package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** A service is ready when its /health answers 200, asked with curl from inside its node. */
final class HealthAnswers implements ReadinessCheck {

    private final int httpPort;

    HealthAnswers(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult health = node.exec("curl", "-fsS", "--max-time", "2", "http://127.0.0.1:" + httpPort + "/health");
        return health.succeeded()
                ? Readiness.ready("/health answers: " + health.stdout().strip())
                : Readiness.notYet("/health not answering on port " + httpPort + ": " + health.output().strip());
    }
}
