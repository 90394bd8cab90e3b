package org.flatracoon.lab.kind;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.kind.ReadinessCheck.Readiness;
import org.flatracoon.lab.probe.FakeNode;
import org.junit.jupiter.api.Test;

/** When overlay nodes count as ready: the controller on /health, an agent as soon as it answers at all. */
class OverlayReadinessTest {

    private static final ExecResult REFUSED = new ExecResult(7, "000", "curl: (7) Failed to connect to 127.0.0.1 port 9994\n");

    @Test
    void anAgentWaitingForAuthorisationIsARunningNode() {
        FakeNode node = new FakeNode("stranger").answers("curl", FakeNode.ok("503"));
        Readiness readiness = new OverlayNodeKind().readiness().check(node);

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.detail()).contains("HTTP 503");
        assertThat(node.commands().get(0)).contains("http://127.0.0.1:9994/status");
    }

    @Test
    void anAgentNotListeningYetIsNotReady() {
        Readiness readiness = new OverlayNodeKind().readiness().check(new FakeNode("k8s-1").answers("curl", REFUSED));

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.detail()).contains("port 9994").contains("Failed to connect");
    }

    @Test
    void theControllerIsReadyWhenItsHealthAnswers() {
        FakeNode up = new FakeNode("ctl").answers("curl", FakeNode.ok("{\"ready\":true}"));
        FakeNode starting = new FakeNode("ctl").answers("curl", new ExecResult(7, "", "connection refused"));

        assertThat(new OverlayControllerKind().readiness().check(up).ready()).isTrue();
        assertThat(up.commands().get(0)).contains("http://127.0.0.1:9993/health");
        assertThat(new OverlayControllerKind().readiness().check(starting).ready()).isFalse();
    }
}
