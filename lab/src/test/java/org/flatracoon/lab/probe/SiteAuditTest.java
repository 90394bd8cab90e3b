package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flatracoon.lab.probe.SiteAudit.NodeVerdict;
import org.junit.jupiter.api.Test;

class SiteAuditTest {

    private static final String NOT_IPV6_ONLY = """
            {"node": "host2", "ipv6_only": false, "ipv4_allowed_on": [],
             "findings": [{"kind": "address", "where": "eth1", "detail": "203.0.113.190/29"},
                          {"kind": "route", "where": "eth1", "detail": "203.0.113.184/29"}]}
            """;

    @Test
    void aNodeWithIpv4IsNotIpv6OnlyAndItsFindingsAreNamed() {
        FakeNode host2 = new FakeNode("host2").answers("netstack", FakeNode.failed(1, NOT_IPV6_ONLY, ""));

        NodeVerdict verdict = SiteAudit.audit(host2);

        assertThat(verdict.ipv6Only()).isFalse();
        assertThat(verdict.findings()).containsExactly("address eth1: 203.0.113.190/29", "route eth1: 203.0.113.184/29");
        assertThat(host2.commands().get(0)).containsExactly("netstack", "site", "audit", "--node", "host2", "--json");
    }

    @Test
    void aCleanNodeIsIpv6Only() {
        FakeNode host1 = new FakeNode("host1").answers("netstack",
                FakeNode.ok("{\"node\": \"host1\", \"ipv6_only\": true, \"ipv4_allowed_on\": [], \"findings\": []}"));

        assertThat(SiteAudit.audit(host1).ipv6Only()).isTrue();
    }

    @Test
    void anAuditThatDidNotRunIsAProbeErrorNotAVerdict() {
        FakeNode broken = new FakeNode("resolver").answers("netstack", FakeNode.failed(127, "", "netstack: not found"));

        assertThatThrownBy(() -> SiteAudit.audit(broken)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("resolver: the audit did not run (exit 127): netstack: not found");
    }
}
