package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.probe.DnsQuery;
import org.flatracoon.lab.probe.ProbeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A node killed like a crash and started again comes back as the topology wrote it, and ready. */
@RequiresDocker
class NodeLifecycleTest {

    private static RunningLab lab;

    @BeforeAll
    static void start() {
        lab = TestLabs.start("lifecycle.clab.yml");
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            String runId = lab.runId();
            lab.close();
            assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();
        }
    }

    @Test
    void aKilledNodeIsDownAndComesBackWiredAndReadyWhenStarted() {
        LabNode dns = lab.node("dns");
        LabNode ws = lab.node("ws");
        assertThat(askSoa(ws, "198.51.100.99")).isEqualTo("NOERROR");

        dns.kill();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> askSoa(ws, "198.51.100.99")))
                .as("a killed server answers nothing").isInstanceOf(ProbeException.class);

        dns.start();
        // Docker gave the restarted container new interfaces of its own naming; the lab renamed them again.
        assertThat(NodeNetwork.globalAddresses(dns)).containsOnlyKeys("uplink");
        assertThat(NodeNetwork.globalAddresses(dns).get("uplink"))
                .containsExactlyInAnyOrder("198.51.100.99/27", "2001:db8:196::99/64");
        assertThat(askSoa(ws, "198.51.100.99")).isEqualTo("NOERROR");
        assertThat(askSoa(ws, "2001:db8:196::99")).isEqualTo("NOERROR");
    }

    private static String askSoa(LabNode from, String server) {
        return new DnsQuery(from).ask(server, "ns.example.org", "IN", "SOA").status();
    }
}
