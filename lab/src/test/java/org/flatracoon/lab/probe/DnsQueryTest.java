package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.DnsQuery.ResourceRecord;
import org.junit.jupiter.api.Test;

/**
 * dig's structured output read into values. The fixtures under labs-it/dig-9.18 are what
 * dig 9.18 (+yaml, the version in our images) printed against the netstack Hesiod server.
 */
class DnsQueryTest {

    static String dig(String fixture) {
        try (InputStream in = DnsQueryTest.class.getResourceAsStream("/labs-it/dig-9.18/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no fixture labs-it/dig-9.18/" + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAuthoritativeAnswerWithOneTxtRecord() {
        DnsAnswer answer = DnsAnswer.fromDigYaml(dig("noerror-txt.yaml"), "test");

        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(answer.flags()).containsExactly("qr", "aa");
        assertThat(answer.authoritative()).isTrue();
        assertThat(answer.authority()).isEmpty();
        assertThat(answer.answers()).containsExactly(new ResourceRecord("alice.passwd.ns.example.org.", 300, "HS", "TXT",
                "\"alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash\""));
        assertThat(answer.answers().get(0).text()).isEqualTo("alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash");
    }

    @Test
    void aCnameChainKeepsItsOrder() {
        DnsAnswer answer = DnsAnswer.fromDigYaml(dig("cname-chain.yaml"), "test");

        assertThat(answer.answers()).extracting(ResourceRecord::owner, ResourceRecord::type, ResourceRecord::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1001.uid.ns.example.org.", "CNAME", "alice.passwd.ns.example.org."),
                        org.assertj.core.groups.Tuple.tuple("alice.passwd.ns.example.org.", "TXT",
                                "alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash"));
    }

    @Test
    void nxdomainCarriesTheZonesSoaInTheAuthoritySection() {
        DnsAnswer answer = DnsAnswer.fromDigYaml(dig("nxdomain-soa.yaml"), "test");

        assertThat(answer.status()).isEqualTo("NXDOMAIN");
        assertThat(answer.authoritative()).isTrue();
        assertThat(answer.answers()).isEmpty();
        assertThat(answer.authority()).containsExactly(new ResourceRecord("ns.example.org.", 300, "HS", "SOA",
                "ns1.example.org. hostmaster.example.org. 2026112601 3600 600 86400 300"));
    }

    @Test
    void refusedIsNotAuthoritativeAndEmpty() {
        DnsAnswer answer = DnsAnswer.fromDigYaml(dig("refused.yaml"), "test");

        assertThat(answer.status()).isEqualTo("REFUSED");
        assertThat(answer.flags()).containsExactly("qr");
        assertThat(answer.authoritative()).isFalse();
        assertThat(answer.answers()).isEmpty();
        assertThat(answer.authority()).isEmpty();
    }

    @Test
    void digsOwnErrorBecomesAProbeExceptionWithItsMessage() {
        assertThatThrownBy(() -> DnsAnswer.fromDigYaml(dig("no-servers.yaml"), "ws: dig HS TXT alice.passwd"))
                .isInstanceOf(ProbeException.class)
                .hasMessage("ws: dig HS TXT alice.passwd: no servers could be reached");
    }

    @Test
    void noOutputAtAllIsAProbeException() {
        assertThatThrownBy(() -> DnsAnswer.fromDigYaml("", "ws: dig"))
                .isInstanceOf(ProbeException.class)
                .hasMessageStartingWith("ws: dig: dig printed no message");
    }

    @Test
    void txtTextUndoesQuotesBackslashesAndDecimalEscapes() {
        // dig prints non-ASCII bytes as \DDD: here the UTF-8 bytes of "ë"
        ResourceRecord zoe = DnsAnswer.fromDigYaml(dig("txt-escapes.yaml"), "test").answers().get(0);

        assertThat(zoe.data()).contains("Zo\\195\\171");
        assertThat(zoe.text()).isEqualTo("zoe:*:1003:1003:Zoë \"Z\" Back\\slash,,,:/home/zoe:/bin/sh");
    }

    @Test
    void textOfUnquotedOrEmptyData() {
        assertThat(ResourceRecord.parse("x. 300 HS CNAME alice.passwd.ns.example.org.").text())
                .isEqualTo("alice.passwd.ns.example.org.");
        assertThat(ResourceRecord.parse("x. 300 HS TXT \"\"").text()).isEmpty();
        assertThat(ResourceRecord.parse("x. 300 HS TXT \"\\\\\"").text()).isEqualTo("\\");
        assertThat(ResourceRecord.parse("x. 300 HS TXT \"\\065BC \\1\"").text()).isEqualTo("ABC 1");
    }

    @Test
    void anUnreadableRecordLineIsAProbeException() {
        assertThatThrownBy(() -> ResourceRecord.parse("just-a-name."))
                .isInstanceOf(ProbeException.class)
                .hasMessageContaining("unreadable resource record: just-a-name.");
    }

    @Test
    void askRunsDigInTheClientNodeAndReadsItsAnswer() {
        FakeNode ws = new FakeNode("ws").answers("dig", FakeNode.ok(dig("noerror-txt.yaml")));

        DnsAnswer answer = new DnsQuery(ws).ask("198.51.100.53", "alice.passwd.ns.example.org", "HS", "TXT");

        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(ws.commands()).singleElement().satisfies(command -> assertThat(command)
                .startsWith("dig", "+yaml")
                .contains("@198.51.100.53", "+norec")
                .containsSubsequence("-c", "HS", "-t", "TXT", "alice.passwd.ns.example.org"));
    }

    @Test
    void askReportsDigsErrorNamingNodeAndQuestion() {
        FakeNode ws = new FakeNode("ws").answers("dig", new ExecResult(9, dig("no-servers.yaml"), ""));

        assertThatThrownBy(() -> new DnsQuery(ws).ask("198.51.100.99", "alice.passwd.ns.example.org", "HS", "TXT"))
                .isInstanceOf(ProbeException.class)
                .hasMessage("ws: dig HS TXT alice.passwd.ns.example.org: no servers could be reached");
    }
}
