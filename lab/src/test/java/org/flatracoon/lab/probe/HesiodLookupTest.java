package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.probe.HesiodLookup.LookupResult;
import org.junit.jupiter.api.Test;

/** What Debian's hesinfo reported, as a lookup result (outputs as hesinfo 3.2 prints them). */
class HesiodLookupTest {

    private static final String ALICE = "alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash";
    private static final String NOT_FOUND = "hesiod_resolve: Hesiod name not found.\n";

    @Test
    void aFoundRecord() {
        LookupResult result = LookupResult.from("alice", "passwd", new ExecResult(0, ALICE + "\n", ""));

        assertThat(result.found()).isTrue();
        assertThat(result.records()).containsExactly(ALICE);
        assertThat(result.single()).isEqualTo(ALICE);
    }

    @Test
    void notFoundKeepsWhatTheClientSaid() {
        LookupResult result = LookupResult.from("nobody", "passwd", new ExecResult(1, "", NOT_FOUND));

        assertThat(result.found()).isFalse();
        assertThat(result.records()).isEmpty();
        assertThat(result.clientOutput()).isEqualTo("hesiod_resolve: Hesiod name not found.");
        assertThatThrownBy(result::single)
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected one passwd record for nobody, the client reported: hesiod_resolve: Hesiod name not found.");
    }

    @Test
    void successWithoutAnyRecordIsNotFound() {
        LookupResult result = LookupResult.from("ghost", "filsys", new ExecResult(0, "\n", ""));

        assertThat(result.found()).isFalse();
        assertThatThrownBy(result::single).hasMessageEndingWith("the client reported: nothing");
    }

    @Test
    void severalRecordsAreAllKeptButAreNotASingleOne() {
        LookupResult result = LookupResult.from("alice", "filsys", new ExecResult(0,
                "NFS /export/home/alice fs1.example.org w /home/alice\nAFS /afs/example.org/user/alice w /mit/alice\n", ""));

        assertThat(result.found()).isTrue();
        assertThat(result.records()).hasSize(2);
        assertThatThrownBy(result::single).hasMessageStartingWith("expected one filsys record for alice");
    }

    @Test
    void lookupRunsHesinfoWithKeyAndType() {
        FakeNode ws = new FakeNode("ws").answers("hesinfo", new ExecResult(0, ALICE + "\n", ""));

        assertThat(new HesiodLookup(ws).lookup("alice", "passwd").single()).isEqualTo(ALICE);
        assertThat(ws.commands()).containsExactly(java.util.List.of("hesinfo", "alice", "passwd"));
    }

    @Test
    void dnsNameIsTheFirstLineHesinfoBPrints() {
        // hesinfo -b prints the name it asks for, then still looks it up
        FakeNode ws = new FakeNode("ws").answers("hesinfo",
                new ExecResult(0, "alice.passwd.ns.example.org\n" + ALICE + "\n", ""));

        assertThat(new HesiodLookup(ws).dnsName("alice", "passwd")).isEqualTo("alice.passwd.ns.example.org");
        assertThat(ws.commands()).containsExactly(java.util.List.of("hesinfo", "-b", "alice", "passwd"));
    }

    @Test
    void dnsNameFailureNamesNodeAndOutput() {
        FakeNode ws = new FakeNode("ws").answers("hesinfo",
                new ExecResult(1, "", "hesiod_init: No such file or directory\n"));

        assertThatThrownBy(() -> new HesiodLookup(ws).dnsName("alice", "passwd"))
                .isInstanceOf(ProbeException.class)
                .hasMessage("ws: hesinfo -b alice passwd failed: hesiod_init: No such file or directory");
    }
}
