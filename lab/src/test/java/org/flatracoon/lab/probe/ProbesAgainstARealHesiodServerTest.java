package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.docker.RequiresDocker;
import org.flatracoon.lab.docker.TestLabs;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.HesiodEntries.Passwd;
import org.flatracoon.lab.probe.HesiodLookup.LookupResult;
import org.flatracoon.lab.probe.Ping.PingResult;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probes against the real thing (labs-it/probes.clab.yml): our Hesiod server in its image, and
 * a workstation asking it with dig, Debian's hesinfo, ping and curl from inside the lab.
 */
@RequiresDocker
class ProbesAgainstARealHesiodServerTest {

    private static final String SERVER_V4 = "198.51.100.83";
    private static final String SERVER_V6 = "2001:db8:164::83";
    private static final String ALICE = "alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash";

    private static RunningLab lab;
    private static LabNode dns;
    private static LabNode ws;

    @BeforeAll
    static void start() {
        lab = TestLabs.start("probes.clab.yml");
        dns = lab.node("dns");
        ws = lab.node("ws");
    }

    @AfterAll
    static void closeLeavesNothing() {
        if (lab != null) {
            lab.close();
            assertThat(lab.leftovers()).isEmpty();
        }
    }

    @Test
    void theServersLogHasItsReadyLine() {
        assertThat(dns.logs()).contains("hesiod: serving ns.example.org. (serial 2026112601, 8 records) on UDP/TCP :53");
    }

    @Test
    void digOverIpv4AndIpv6GetsTheAuthoritativeRecord() {
        for (String server : new String[] {SERVER_V4, SERVER_V6}) {
            DnsAnswer answer = new DnsQuery(ws).ask(server, "alice.passwd.ns.example.org", "HS", "TXT");

            assertThat(answer.status()).as(server).isEqualTo("NOERROR");
            assertThat(answer.authoritative()).as(server).isTrue();
            assertThat(answer.answers()).as(server).singleElement()
                    .satisfies(record -> assertThat(record.text()).isEqualTo(ALICE));
        }
    }

    @Test
    void anUnknownNameIsNxdomainWithTheZonesSoa() {
        DnsAnswer answer = new DnsQuery(ws).ask(SERVER_V4, "nobody.passwd.ns.example.org", "HS", "TXT");

        assertThat(answer.status()).isEqualTo("NXDOMAIN");
        assertThat(answer.answers()).isEmpty();
        assertThat(answer.authority()).singleElement().satisfies(soa -> {
            assertThat(soa.type()).isEqualTo("SOA");
            assertThat(soa.owner()).isEqualTo("ns.example.org.");
        });
    }

    @Test
    void aZoneTheServerDoesNotServeIsRefused() {
        assertThat(new DnsQuery(ws).ask(SERVER_V4, "www.example.com", "IN", "A").status()).isEqualTo("REFUSED");
    }

    @Test
    void noServerAtTheAddressIsAProbeException() {
        assertThatThrownBy(() -> new DnsQuery(ws).ask("198.51.100.70", "alice.passwd.ns.example.org", "HS", "TXT"))
                .isInstanceOf(ProbeException.class)
                .hasMessage("ws: dig HS TXT alice.passwd.ns.example.org: no servers could be reached");
    }

    @Test
    void hesinfoFindsAnAccountAlsoThroughItsUidAlias() {
        LookupResult alice = new HesiodLookup(ws).lookup("alice", "passwd");
        LookupResult uid = new HesiodLookup(ws).lookup("1001", "uid");

        assertThat(Passwd.parse(alice.single())).isEqualTo(new Passwd("alice", 1001, 1001, "Alice Liddell,,,",
                "/home/alice", "/bin/bash"));
        assertThat(uid.single()).isEqualTo(alice.single());
        assertThat(new HesiodLookup(ws).dnsName("alice", "passwd")).isEqualTo("alice.passwd.ns.example.org");
    }

    @Test
    void hesinfoReportsAnUnknownAccountAsNotFound() {
        LookupResult nobody = new HesiodLookup(ws).lookup("nobody", "passwd");

        assertThat(nobody.found()).isFalse();
        assertThat(nobody.clientOutput()).isEqualTo("hesiod_resolve: Hesiod name not found.");
    }

    @Test
    void whatDigShowsAndWhatTheHesiodClientPrintsAreTheSameText() {
        String viaDns = new DnsQuery(ws).ask(SERVER_V4, "zoe.passwd.ns.example.org", "HS", "TXT").answers().get(0).text();
        String viaClient = new HesiodLookup(ws).lookup("zoe", "passwd").single();

        assertThat(viaDns).isEqualTo(viaClient);
        assertThat(Passwd.parse(viaClient).gecos()).isEqualTo("Zoë \"Z\" Back\\slash,,,");
    }

    @Test
    void theServersQueryCounterCountsExactlyTheQueriesAsked() {
        PrometheusMetrics metrics = new PrometheusMetrics(dns, 8080);
        double before = metrics.sum("hesiod_queries_total");
        for (int i = 0; i < 3; i++) {
            new DnsQuery(ws).ask(SERVER_V4, "alice.pobox.ns.example.org", "HS", "TXT");
        }

        Waits.until(Budgets.defaults().get("dns answer"), "the query counter counts 3 more queries",
                () -> metrics.sum("hesiod_queries_total"), after -> after == before + 3);
    }

    @Test
    void pingSeesRepliesSilenceAndUnreachableNetworks() {
        PingResult v4 = TestLabs.awaitReply(ws, SERVER_V4);
        PingResult v6 = TestLabs.awaitReply(ws, SERVER_V6);
        PingResult nobody = new Ping(ws).send("198.51.100.70", 2);
        PingResult noRoute = new Ping(ws).send("203.0.113.1", 2);

        assertThat(v4.received()).isEqualTo(v4.transmitted()).isEqualTo(1);
        assertThat(v6.received()).isEqualTo(1);
        assertThat(nobody.transmitted()).as(nobody.output()).isEqualTo(2);
        assertThat(nobody.received()).isZero();
        assertThat(noRoute.transmitted()).isZero();
        assertThat(noRoute.received()).isZero();
        assertThat(noRoute.output()).contains("Network is unreachable");
    }
}
