package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** A site border is ready when /ipv6/health says the policy is applied and Tayga runs (HTTP 200). */
final class SiteEnforcing implements ReadinessCheck {

    private final int httpPort;

    SiteEnforcing(int httpPort) {
        this.httpPort = httpPort;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult health = node.exec("curl", "-fsS", "--max-time", "2", "http://[::1]:" + httpPort + "/ipv6/health");
        return health.succeeded()
                ? Readiness.ready("enforcing: policy applied, Tayga running")
                : Readiness.notYet("/ipv6/health not OK: " + health.output().strip());
    }
}
