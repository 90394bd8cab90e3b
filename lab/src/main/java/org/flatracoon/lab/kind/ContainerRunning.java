package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** Ready as soon as a command can run in the node: for nodes with no service of their own. */
final class ContainerRunning implements ReadinessCheck {

    @Override
    public Readiness check(LabNode node) {
        ExecResult result = node.exec("true");
        return result.succeeded()
                ? Readiness.ready("accepts commands")
                : Readiness.notYet("cannot run commands yet: " + result.output().strip());
    }
}
