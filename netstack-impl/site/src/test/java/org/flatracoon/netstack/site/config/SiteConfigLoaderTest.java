package org.flatracoon.netstack.site.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.flatracoon.netstack.site.config.SitePolicy.Action;
import org.flatracoon.netstack.site.config.SitePolicy.Direction;
import org.junit.jupiter.api.Test;

class SiteConfigLoaderTest {

    static Path resource(String name) {
        try {
            return Path.of(SiteConfigLoaderTest.class.getResource("/config/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEverySettingOfAGoodPolicy() throws Exception {
        SitePolicy policy = SiteConfigLoader.load(resource("site.yml"));

        assertThat(policy.siteInterfaces()).containsExactly("eth1", "eth2", "eth3");
        assertThat(policy.outsideInterfaces()).containsExactly("eth4", "eth5", "eth6", "eth7");
        assertThat(policy.nat64().prefix()).hasToString("fd64:ff9b::/96");
        assertThat(policy.nat64().pool()).hasToString("203.0.113.184/29");
        assertThat(policy.nat64().tunDevice()).isEqualTo("nat64");
        assertThat(policy.nat64().dataDir()).isEqualTo(Path.of("/var/spool/tayga"));
        assertThat(policy.ipv6().inbound()).isEqualTo(Action.DENY);
        assertThat(policy.ipv6().rules()).hasSize(3);
        assertThat(policy.ipv6().rules().get(0).direction()).isEqualTo(Direction.INBOUND);
        assertThat(policy.ipv6().rules().get(0).ports()).containsExactly(80, 443);
        assertThat(policy.ipv6().rules().get(1).ports()).containsExactly(25);
        assertThat(policy.httpPort()).isEqualTo(8080);
    }

    @Test
    void anOperatorWhoSaysNothingAboutIpv6GetsOutboundAllowedAndInboundDenied() throws Exception {
        SitePolicy policy = SiteConfigLoader.parse(Path.of("site.yml"), """
                site-interfaces: [eth1]
                outside-interfaces: [eth2]
                nat64: {prefix: "fd64:ff9b::/96", pool: 203.0.113.184/29, ipv4-address: 203.0.113.185}
                """);

        assertThat(policy.ipv6().inbound()).isEqualTo(Action.DENY);
        assertThat(policy.ipv6().outbound()).isEqualTo(Action.ALLOW);
        assertThat(policy.httpPort()).isEqualTo(8080);
    }

    @Test
    void listsEveryProblemWithItsLine() {
        assertThatThrownBy(() -> SiteConfigLoader.load(resource("broken.yml")))
                .isInstanceOf(SiteConfigException.class)
                .satisfies(e -> assertThat(((SiteConfigException) e).problems()).map(p -> new ConfigProblem(
                                Path.of(p.source()).getFileName().toString(), p.line(), p.message()).toString())
                        .containsExactly(
                                "broken.yml:1: site-interfaces: 'bad name' is not an interface name (1 to 15 of A-Z a-z 0-9 _ . -)",
                                "broken.yml:1: site-interfaces: eth1 is listed twice",
                                "broken.yml:2: interface eth1 cannot face both the site and the outside",
                                "broken.yml:4: prefix: 64:ff9b:1::/96 is in 64:ff9b:1::/48, which Tayga 0.9.2 refuses as"
                                        + " reserved; use a prefix from the site's own space or a ULA such as fd64:ff9b::/96",
                                "broken.yml:6: ipv4-address: Tayga's own IPv4 address must be IPv4, not fd64::1",
                                "broken.yml:7: unknown setting 'colour' (expected one of [data-dir, ipv4-address,"
                                        + " ipv6-address, pool, prefix, tun-device])",
                                "broken.yml:9: inbound: expected allow or deny, not 'maybe'",
                                "broken.yml:11: direction: expected inbound or outbound, not 'sideways'",
                                "broken.yml:11: ports: need protocol tcp or udp",
                                "broken.yml:12: to: IPv6 rules take IPv6 prefixes, not 203.0.113.0/24",
                                "broken.yml:13: http-port: '70000' is not a port (1..65535)"));
    }

    @Test
    void refusesAPrefixWithHostBitsOrALengthRfc6052DoesNotKnow() {
        assertThatThrownBy(() -> SiteConfigLoader.parse(Path.of("s.yml"), """
                site-interfaces: [eth1]
                outside-interfaces: [eth2]
                nat64: {prefix: "fd64:ff9b::/80", pool: 203.0.113.185/29, ipv4-address: 203.0.113.185}
                """))
                .hasMessageContaining("s.yml:3: prefix: fd64:ff9b::/80 has length 80; RFC 6052 allows 32, 40, 48, 56, 64 or 96")
                .hasMessageContaining("s.yml:3: pool: '203.0.113.185/29' has host bits set; the network is 203.0.113.184/29");
    }

    @Test
    void aYamlSyntaxErrorIsOneProblemWithItsLine() {
        assertThatThrownBy(() -> SiteConfigLoader.parse(Path.of("s.yml"), "site-interfaces: [eth1\nnat64: {"))
                .isInstanceOf(SiteConfigException.class)
                .hasMessageStartingWith("s.yml:2: YAML syntax:");
    }

    @Test
    void missingSectionsAreNamed() {
        assertThatThrownBy(() -> SiteConfigLoader.parse(Path.of("s.yml"), "http-port: 8080\n"))
                .isInstanceOf(SiteConfigException.class)
                .satisfies(e -> assertThat(((SiteConfigException) e).problems()).map(ConfigProblem::message)
                        .isEqualTo(List.of("missing 'site-interfaces'", "missing 'outside-interfaces'", "missing 'nat64'")));
    }
}
