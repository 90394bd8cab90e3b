package org.flatracoon.lab.kind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.kind.ReadinessCheck.Readiness;
import org.flatracoon.lab.probe.FakeNode;
import org.junit.jupiter.api.Test;

/** When a node counts as ready, and what the lab says while it is not (shown when the budget runs out). */
class ReadinessChecksTest {

    private static final String HEALTHY = "{\"ready\":true,\"zones\":[{\"name\":\"ns.example.org.\",\"serial\":2026112601,\"records\":14}]}";
    private static final String SOA = "ns1.example.org. hostmaster.example.org. 2026112601 3600 600 86400 300\n";

    private static Readiness hesiod(FakeNode node) {
        return new HesiodKind().readiness().check(node);
    }

    @Test
    void aHesiodServerThatSaysReadyAndAnswersSoaForEachZoneIsReady() {
        FakeNode dns = new FakeNode("dns")
                .answers("curl", FakeNode.ok(HEALTHY))
                .answers("dig", FakeNode.ok(SOA));

        Readiness readiness = hesiod(dns);

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.detail()).isEqualTo("answers SOA queries for [ns.example.org.]");
        assertThat(dns.commands()).containsExactly(
                List.of("curl", "-fsS", "--max-time", "2", "http://127.0.0.1:8080/health"),
                List.of("dig", "+norec", "+time=1", "+tries=1", "+short", "@127.0.0.1", "-c", "IN", "-t", "SOA",
                        "ns.example.org."));
    }

    @Test
    void healthNotAnsweringYet() {
        FakeNode dns = new FakeNode("dns").answers("curl",
                new ExecResult(7, "", "curl: (7) Failed to connect to 127.0.0.1 port 8080: Connection refused\n"));

        Readiness readiness = hesiod(dns);

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness).hasToString("/health not answering: curl: (7) Failed to connect to 127.0.0.1 port 8080:"
                + " Connection refused");
    }

    @Test
    void healthSayingNotReady() {
        FakeNode dns = new FakeNode("dns").answers("curl", FakeNode.ok("{\"ready\":false,\"zones\":[]}"));

        assertThat(hesiod(dns)).isEqualTo(Readiness.notYet("/health says not ready: {\"ready\":false,\"zones\":[]}"));
    }

    @Test
    void healthThatIsNotJson() {
        FakeNode dns = new FakeNode("dns").answers("curl", FakeNode.ok("<html>starting</html>"));

        assertThat(hesiod(dns)).isEqualTo(Readiness.notYet("/health is not JSON: <html>starting</html>"));
    }

    @Test
    void readyOnHealthButNoSoaAnswerYet() {
        FakeNode dns = new FakeNode("dns")
                .answers("curl", FakeNode.ok(HEALTHY))
                .answers("dig", new ExecResult(9, ";; communications error to 127.0.0.1#53: timed out\n", ""));

        Readiness readiness = hesiod(dns);

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.detail()).startsWith("no SOA answer for ns.example.org.: ;; communications error");
    }

    @Test
    void anEmptySoaAnswerIsNotReady() {
        FakeNode dns = new FakeNode("dns")
                .answers("curl", FakeNode.ok(HEALTHY))
                .answers("dig", FakeNode.ok("\n"));

        assertThat(hesiod(dns).ready()).isFalse();
    }

    @Test
    void hostAndLinuxNodesAreReadyOnceTheyRunCommands() {
        FakeNode starting = new FakeNode("ws").answers("true",
                new ExecResult(126, "", "OCI runtime exec failed: container is restarting\n"), FakeNode.ok(""));

        Readiness first = new HostKind().readiness().check(starting);
        Readiness second = new LinuxKind().readiness().check(starting);

        assertThat(first).isEqualTo(Readiness.notYet("cannot run commands yet: OCI runtime exec failed: container is restarting"));
        assertThat(second).isEqualTo(Readiness.ready("accepts commands"));
    }
}
