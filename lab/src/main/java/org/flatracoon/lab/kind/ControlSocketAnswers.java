package org.flatracoon.lab.kind;

import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * A routing daemon is ready when its own control client gets an answer over the control socket
 * (`birdc`, `vtysh`): the daemon has read its configuration and serves requests.
 */
final class ControlSocketAnswers implements ReadinessCheck {

    private final List<String> command;
    private final String expected;

    ControlSocketAnswers(List<String> command, String expected) {
        this.command = command;
        this.expected = expected;
    }

    @Override
    public Readiness check(LabNode node) {
        ExecResult result = node.exec(command.toArray(String[]::new));
        return result.succeeded() && result.stdout().contains(expected)
                ? Readiness.ready("answers `" + String.join(" ", command) + "`")
                : Readiness.notYet("`" + String.join(" ", command) + "` got no answer yet: " + result.output().strip());
    }
}
