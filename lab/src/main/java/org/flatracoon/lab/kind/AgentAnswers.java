package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * A member agent is ready when its /status answers with any HTTP status: its /health says 503
 * until the member is authorised, and waiting for an operator is a normal state of a running node.
 */
final class AgentAnswers implements ReadinessCheck {

    private final int httpPort;

    AgentAnswers(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult status = node.exec("curl", "-sS", "--max-time", "2", "-o", "/dev/null", "-w", "%{http_code}",
                "http://127.0.0.1:" + httpPort + "/status");
        String code = status.stdout().strip();
        return status.succeeded() && !code.equals("000")
                ? Readiness.ready("the agent answers /status (HTTP " + code + ")")
                : Readiness.notYet("the agent does not answer on port " + httpPort + ": " + status.output().strip());
    }
}
