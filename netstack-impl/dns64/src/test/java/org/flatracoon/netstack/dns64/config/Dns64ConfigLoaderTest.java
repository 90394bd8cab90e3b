package org.flatracoon.netstack.dns64.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.junit.jupiter.api.Test;

class Dns64ConfigLoaderTest {

    @Test
    void readsEverySetting() throws Exception {
        Dns64Config config = Dns64ConfigLoader.parse("dns64.yml", """
                listen:
                  addresses: ["2001:db8:6a::53", 203.0.113.197]
                  port: 5353
                upstream: [203.0.113.194, "203.0.113.195:5300", "[2001:db8:6a::1]:5301"]
                upstream-timeout: 500ms
                prefix: fd64:ff9b::/96
                exclude: ["::ffff:0:0/96", "2001:db8:bad::/48"]
                cache:
                  max-entries: 500
                http:
                  port: 9090
                udp-workers: 4
                allow-query: ["2001:db8:6a::/48", 127.0.0.1]
                """);

        assertThat(config.listen()).extracting(a -> a.getHostAddress())
                .containsExactly("2001:db8:6a:0:0:0:0:53", "203.0.113.197");
        assertThat(config.port()).isEqualTo(5353);
        assertThat(config.upstream()).containsExactly(new InetSocketAddress("203.0.113.194", 53),
                new InetSocketAddress("203.0.113.195", 5300), new InetSocketAddress("2001:db8:6a::1", 5301));
        assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.prefix()).isEqualTo(Pref64.parse("fd64:ff9b::/96"));
        assertThat(config.exclude()).containsExactly(Ipv6Range.IPV4_MAPPED, Ipv6Range.parse("2001:db8:bad::/48"));
        assertThat(config.cacheMaxEntries()).isEqualTo(500);
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.udpWorkers()).isEqualTo(4);
        assertThat(config.allowQuery().allows(InetAddress.getByName("2001:db8:6a:11::10"))).isTrue();
        assertThat(config.allowQuery().allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(config.allowQuery().allows(InetAddress.getByName("203.0.113.9"))).isFalse();
    }

    @Test
    void onlyUpstreamAndPrefixAreRequired() throws Exception {
        Dns64Config config = Dns64ConfigLoader.parse("dns64.yml", "upstream: [203.0.113.194]\nprefix: 64:ff9b::/96\n");

        assertThat(config.listen()).isEmpty();
        assertThat(config.port()).isEqualTo(53);
        assertThat(config.exclude()).containsExactly(Ipv6Range.IPV4_MAPPED);
        assertThat(config.cacheMaxEntries()).isEqualTo(Dns64Config.DEFAULT_CACHE_ENTRIES);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.upstreamTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.allowQuery()).isEqualTo(Dns64Config.ANY_CLIENT);
    }

    @Test
    void anEmptyExclusionListTurnsExclusionOff() throws Exception {
        assertThat(Dns64ConfigLoader.parse("d.yml", "upstream: [203.0.113.194]\nprefix: fd64:ff9b::/96\nexclude: []\n")
                .exclude()).isEmpty();
    }

    @Test
    void listsEveryProblemWithItsLine() {
        assertThatThrownBy(() -> Dns64ConfigLoader.parse("dns64.yml", """
                listen:
                  addresses: [ns.example.org]
                  port: 70000
                upstream: [203.0.113.194:0, "[2001:db8::1"]
                prefix: 2001:db8:122:344:ff00::/96
                exclude: ["::ffff:0:0"]
                cache:
                  max-entries: lots
                http: {port: 8080, tls: yes}
                colour: blue
                allow-query: [2001:db8:6a::/129]
                """))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString).containsExactly(
                                "dns64.yml:2: listen.addresses: 'ns.example.org' is not an IPv4 or IPv6 address",
                                "dns64.yml:3: listen.port: expected a number in 0..65535, not '70000'",
                                "dns64.yml:4: upstream: port '0' in '203.0.113.194:0' is not in 1..65535",
                                "dns64.yml:4: upstream: '[2001:db8::1' is not ADDRESS, ADDRESS:PORT or [IPv6]:PORT",
                                "dns64.yml:5: prefix: '2001:db8:122:344:ff00::/96': bits 64-71 (the u octet) must be"
                                        + " zero (RFC 6052 §2.2)",
                                "dns64.yml:6: exclude: '::ffff:0:0' has no length: write it as ADDRESS/LENGTH, e.g."
                                        + " ::ffff:0:0/96",
                                "dns64.yml:8: cache.max-entries: expected a number in 0..10000000, not 'lots'",
                                "dns64.yml:9: unknown setting 'tls' (expected one of [port])",
                                "dns64.yml:10: unknown setting 'colour' (expected one of [allow-query, cache, exclude, http,"
                                        + " listen, prefix, udp-workers, upstream, upstream-timeout])",
                                "dns64.yml:11: allow-query: '2001:db8:6a::/129': prefix length must be 0..128"));
    }

    @Test
    void missingRequiredSettingsAreNamed() {
        assertThatThrownBy(() -> Dns64ConfigLoader.parse("dns64.yml", "cache: {max-entries: 10}\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).startsWith("missing 'upstream'"))
                        .anySatisfy(m -> assertThat(m).startsWith("missing 'prefix'")));
    }

    @Test
    void yamlSyntaxErrorsHaveTheirLine() {
        assertThatThrownBy(() -> Dns64ConfigLoader.parse("dns64.yml", "prefix: fd64:ff9b::/96\nupstream: [a\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems().get(0).toString())
                        .startsWith("dns64.yml:3: YAML syntax"));
    }
}
