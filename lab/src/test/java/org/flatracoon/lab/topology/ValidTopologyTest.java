package org.flatracoon.lab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Valid fixtures resolved into the model, asserted field by field. */
class ValidTopologyTest {

    private static final Path DIR = Fixtures.folder("valid");
    private static final TopologyLoader LOADER = new TopologyLoader(new FakeKinds());

    private static Topology load(String name) throws TopologyException {
        return LOADER.load(DIR.resolve(name));
    }

    @Nested
    class HesiodBasic {

        private static Topology lab;

        @BeforeAll
        static void load() throws TopologyException {
            lab = ValidTopologyTest.load("hesiod-basic.clab.yml");
        }

        @Test
        void nameFileAndNodeOrder() {
            assertThat(lab.name()).isEqualTo("hesiod-basic");
            assertThat(lab.file()).isEqualTo(DIR.resolve("hesiod-basic.clab.yml"));
            assertThat(lab.file().isAbsolute()).isTrue();
            assertThat(lab.nodes()).extracting(NodeSpec::name).containsExactly("dns", "ws1", "r1", "lonely");
        }

        @Test
        void nodeSettingsWinOverKindAndDefaults() {
            NodeSpec dns = lab.node("dns").orElseThrow();

            assertThat(dns.kind()).isEqualTo("hesiod");
            assertThat(dns.image()).isEqualTo("flatracoon/netstack:0.1.0-test");           // from kinds.hesiod
            assertThat(dns.startupConfig()).contains(DIR.resolve("zones/example.org.zone")); // relative to the file
            assertThat(dns.binds()).containsExactly(                                         // node's list replaces the kind's
                    new BindMount(DIR.resolve("files/resolv.conf"), "/etc/resolv.conf", false),
                    new BindMount(DIR.resolve("files/motd"), "/etc/motd", false));           // "./files/../files" normalised
            assertThat(dns.env()).containsExactly(                                           // merged key by key
                    entry("TZ", "UTC"), entry("LOG_LEVEL", "info"), entry("ROLE", "hesiod"));
            assertThat(dns.exec()).containsExactly("ip -6 route add 2001:db8:ff::/48 via 2001:db8:1::1");
            assertThat(dns.dnsServers()).containsExactly("192.0.2.53");                     // from defaults
            assertThat(dns.dnsSearch()).containsExactly("example.org");
            assertThat(dns.labels()).containsExactly(entry("lab", "hesiod-basic"), entry("role", "server"));
        }

        @Test
        void kindDefaultImageAndDefaultsFillTheGaps() {
            NodeSpec ws1 = lab.node("ws1").orElseThrow();

            assertThat(ws1.kind()).isEqualTo("host");
            assertThat(ws1.image()).isEqualTo(FakeKinds.HOST_IMAGE);                         // the catalog's default
            assertThat(ws1.startupConfig()).isEmpty();
            assertThat(ws1.binds()).isEmpty();
            assertThat(ws1.env()).containsExactly(entry("TZ", "UTC"), entry("LOG_LEVEL", "warn"));
            assertThat(ws1.exec()).isEmpty();
            assertThat(ws1.dnsServers()).containsExactly("2001:db8:1::53");                 // node's servers …
            assertThat(ws1.dnsSearch()).containsExactly("example.org");                     // … defaults' search
            assertThat(ws1.labels()).containsExactly(entry("lab", "hesiod-basic"));
        }

        @Test
        void nodeImageWinsOverKindImage() {
            NodeSpec r1 = lab.node("r1").orElseThrow();

            assertThat(r1.kind()).isEqualTo("linux");
            assertThat(r1.image()).isEqualTo("debian:trixie-slim");
        }

        @Test
        void kindListsAreInheritedWholeWhenTheNodeSetsNone() {
            NodeSpec lonely = lab.node("lonely").orElseThrow();

            assertThat(lonely.image()).isEqualTo("flatracoon/netstack:0.1.0-test");
            assertThat(lonely.binds()).containsExactly(new BindMount(DIR.resolve("files/motd"), "/etc/motd", true));
            assertThat(lonely.env()).containsExactly(
                    entry("TZ", "UTC"), entry("LOG_LEVEL", "debug"), entry("ROLE", "spare"));
            assertThat(lab.linksOf("lonely")).isEmpty();
        }

        @Test
        void shortEndpointFormWithAddressListsInBothFamilies() {
            LinkSpec link = lab.links().get(0);

            assertThat(link.a()).isEqualTo(new Endpoint("ws1", "eth1",
                    Optional.of(InterfaceAddress.parse("192.0.2.10/24")),
                    Optional.of(InterfaceAddress.parse("2001:db8:1::10/64"))));
            assertThat(link.b()).isEqualTo(new Endpoint("dns", "eth1",
                    Optional.of(InterfaceAddress.parse("192.0.2.53/24")),
                    Optional.of(InterfaceAddress.parse("2001:db8:1::53/64"))));
            assertThat(link.b().ipv6().orElseThrow()).hasToString("2001:db8:1::53/64"); // written 2001:DB8:1::53
            assertThat(link.ipv4Subnet()).contains(IpPrefix.parse("192.0.2.0/24"));
            assertThat(link.ipv6Subnet()).contains(IpPrefix.parse("2001:db8:1::/64"));
        }

        @Test
        void extendedEndpointFormWithAnAddressOnOneSideOnly() {
            LinkSpec link = lab.links().get(1);

            assertThat(link.a()).isEqualTo(new Endpoint("ws1", "eth2",
                    Optional.of(InterfaceAddress.parse("198.51.100.10/24")), Optional.empty()));
            assertThat(link.b()).isEqualTo(new Endpoint("r1", "eth1",
                    Optional.of(InterfaceAddress.parse("198.51.100.1/24")),
                    Optional.of(InterfaceAddress.parse("2001:db8:2::1/64"))));
            assertThat(link.ipv4Subnet()).contains(IpPrefix.parse("198.51.100.0/24"));
            assertThat(link.ipv6Subnet()).contains(IpPrefix.parse("2001:db8:2::/64"));
        }

        @Test
        void linkWithoutAddressesHasNoSubnets() {
            LinkSpec link = lab.links().get(2);

            assertThat(link.endpoints()).extracting(Endpoint::toString).containsExactly("r1:eth0", "dns:eth2");
            assertThat(link.ipv4Subnet()).isEmpty();
            assertThat(link.ipv6Subnet()).isEmpty();
        }

        @Test
        void findsLinksAndEndpointsByNode() {
            LinkSpec first = lab.links().get(0);

            assertThat(lab.linksOf("ws1")).containsExactly(first, lab.links().get(1));
            assertThat(lab.linksOf("dns")).containsExactly(first, lab.links().get(2));
            assertThat(lab.linkBetween("dns", "ws1")).contains(first);
            assertThat(lab.linkBetween("ws1", "dns")).contains(first);
            assertThat(lab.linkBetween("ws1", "lonely")).isEmpty();
            assertThat(first.endpointOf("dns").iface()).isEqualTo("eth1");
            assertThat(first.peerOf("dns").node()).isEqualTo("ws1");
            assertThat(first.peerOf("ws1").node()).isEqualTo("dns");
            assertThatThrownBy(() -> first.endpointOf("r1")).isInstanceOf(IllegalArgumentException.class);
            assertThat(lab.node("nope")).isEmpty();
        }

        @Test
        void modelIsImmutable() {
            NodeSpec dns = lab.node("dns").orElseThrow();

            assertThatThrownBy(() -> lab.nodes().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> lab.links().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> dns.env().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> dns.binds().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void minimalTopologyNeedsOnlyANodeWithAKind() throws TopologyException {
        Topology lab = load("minimal.clab.yml");

        assertThat(lab.name()).isEqualTo("minimal");
        assertThat(lab.nodes()).containsExactly(new NodeSpec("solo", "host", FakeKinds.HOST_IMAGE, Optional.empty(),
                List.of(), java.util.Map.of(), List.of(), List.of(), List.of(), java.util.Map.of()));
        assertThat(lab.links()).isEmpty();
    }

    @Test
    void yamlAnchorsAndMergeKeysWork() throws TopologyException {
        Topology lab = load("anchors.clab.yml");

        NodeSpec r2 = lab.node("r2").orElseThrow();
        assertThat(r2.kind()).isEqualTo("linux");
        assertThat(r2.image()).isEqualTo("debian:bookworm-slim");
        assertThat(r2.env()).containsExactly(entry("ROLE", "edge"));
        assertThat(lab.linkBetween("r1", "r2").orElseThrow().ipv4Subnet()).contains(IpPrefix.parse("203.0.113.0/30"));
    }

    @Test
    void missingFileIsAProblemNotAStackTrace() {
        Path file = Path.of("no-such-lab.clab.yml");

        assertThatThrownBy(() -> LOADER.load(file))
                .isInstanceOf(TopologyException.class)
                .hasMessage("no-such-lab.clab.yml: file not found");
    }

    @Test
    void problemPrintsFileAsGivenAndLine() {
        assertThat(new TopologyProblem(Path.of("labs/x.clab.yml"), 12, "boom")).hasToString("labs/x.clab.yml:12: boom");
    }
}
