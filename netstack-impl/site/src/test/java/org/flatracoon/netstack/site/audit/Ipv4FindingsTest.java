package org.flatracoon.netstack.site.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class Ipv4FindingsTest {

    private static final String ADDRESSES = """
            [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"addr_info":[{"family":"inet","local":"127.0.0.1",
              "prefixlen":8,"scope":"host","label":"lo"}]},
             {"ifindex":40,"link_index":41,"ifname":"eth1","addr_info":[{"family":"inet","local":"203.0.113.190",
              "prefixlen":32,"scope":"global","label":"eth1"}]},
             {"ifindex":42,"ifname":"eth4","addr_info":[{"family":"inet","local":"203.0.113.161","prefixlen":29,
              "scope":"global"}]}]
            """;

    private static final String ROUTES = """
            [{"dst":"203.0.113.160/29","dev":"eth4","protocol":"kernel","scope":"link","prefsrc":"203.0.113.161","flags":[]},
             {"dst":"default","gateway":"203.0.113.185","dev":"eth1","flags":[]},
             {"type":"local","dst":"203.0.113.190","table":"local","dev":"eth1","protocol":"kernel","scope":"host"},
             {"type":"local","dst":"127.0.0.0/8","table":"local","dev":"lo","protocol":"kernel","scope":"host"}]
            """;

    /** /proc/net/tcp: sshd-like 0.0.0.0:22 listening, 127.0.0.1:953 listening, one established connection. */
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1001 1
               1: 0100007F:03B9 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1002 1
               2: BE7100CB:A1B2 A27100CB:0050 01 00000000:00000000 00:00000000 00000000     0        0 1003 1
            """;

    private static final String UDP = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              10: 0B00007F:A9F1 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 2001 2 0 0
              11: BE7100CB:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 2002 2 0 0
            """;

    private final Ipv4Findings border = new Ipv4Findings(Set.of("eth4", "nat64"));

    @Test
    void anIpv4AddressOnASiteInterfaceIsAFindingButLoopbackAndAllowedInterfacesAreNot() {
        assertThat(border.addresses(ADDRESSES))
                .containsExactly(new Finding(Finding.Kind.ADDRESS, "eth1", "203.0.113.190/32"));
    }

    @Test
    void unicastIpv4RoutesOffTheAllowedInterfacesAreFindings() {
        assertThat(border.routes(ROUTES))
                .containsExactly(new Finding(Finding.Kind.ROUTE, "eth1", "default via 203.0.113.185"));
    }

    @Test
    void socketsThatAcceptIpv4FromTheNetworkAreFindingsButLoopbackOnesAreNot() {
        assertThat(border.sockets(TCP, "tcp"))
                .containsExactly(new Finding(Finding.Kind.SOCKET, "tcp", "0.0.0.0:22 listening"));
        assertThat(border.sockets(UDP, "udp"))
                .containsExactly(new Finding(Finding.Kind.SOCKET, "udp", "203.0.113.190:53 receiving"));
    }

    @Test
    void aCleanIpv6OnlyNodeHasNoFindings() {
        Ipv4Findings host = new Ipv4Findings(Set.of());
        assertThat(host.addresses("""
                [{"ifindex":1,"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host"}]},
                 {"ifindex":40,"ifname":"eth1","addr_info":[]}]
                """)).isEmpty();
        assertThat(host.routes("[]")).isEmpty();
        AuditReport report = new AuditReport("host1", java.util.List.of(), java.util.List.of());
        assertThat(report.ipv6Only()).isTrue();
        assertThat(report.text()).isEqualTo("host1: IPv6-only\n");
    }

    @Test
    void theReportListsEachFindingUnderAVerdict() {
        AuditReport report = new AuditReport("host2", java.util.List.of(),
                border.addresses(ADDRESSES));
        assertThat(report.ipv6Only()).isFalse();
        assertThat(report.text()).isEqualTo("""
                host2: NOT IPv6-only (1 finding)
                  address eth1  203.0.113.190/32
                """);
    }
}
