package org.flatracoon.netstack.bgp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("router.yml");

    /** The configuration example of the README, so that the documentation cannot drift from the loader. */
    private static BgpConfig readmeExample() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("## Configuration.*?```yaml\\n(.*?)```",
                java.util.regex.Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a yaml example under Configuration").isTrue();
        return ConfigLoader.parse(Path.of("README.md"), m.group(1));
    }

    @Test
    void theReadmeExampleLoads() throws Exception {
        BgpConfig c = readmeExample();
        assertThat(c.asn()).isEqualTo(65001);
        assertThat(c.routerId()).isEqualTo(0xC6336401L); // 198.51.100.1
        assertThat(c.networks()).hasToString("[203.0.113.0/24, 2001:db8:1::/48]");
        NeighborConfig n = c.neighbors().get(0);
        assertThat(n.remoteAs()).isEqualTo(65002);
        assertThat(n.importPolicy().name()).isEqualTo("from-bird");
        assertThat(n.families()).containsExactly(Family.IPV4, Family.IPV6);
        assertThat(n.maxPrefix()).isEqualTo(1000);
        assertThat(n.holdTime()).isEqualTo(90);
    }

    @Test
    void thePolicyOfTheReadmeDoesWhatItSays() throws Exception {
        BgpConfig c = readmeExample();
        Policy p = c.policies().get("from-bird");
        AttributeInterner interner = new AttributeInterner();
        Policy.Context ctx = new Policy.Context(65001, new byte[] {(byte) 198, 51, 100, 1});
        PathAttributes in = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65002)).build();
        PathAttributes customer = p.apply(Family.IPV4, 0xCB007100L, 0, 26, in, ctx, interner);
        assertThat(customer.localPref()).isEqualTo(200);
        assertThat(customer.communityTexts()).containsExactly("65001:100");
        assertThat(customer.largeCommunityTexts()).containsExactly("65001:1:2");
        assertThat(p.apply(Family.IPV4, 0xCB007100L, 0, 29, in, ctx, interner)).as("longer than le 28").isNull();
        PathAttributes tagged = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65002, 65010))
                .communities(new int[] {0xFDEA0007}).build();
        PathAttributes other = p.apply(Family.IPV4, 0x0A000000L, 0, 8, tagged, ctx, interner);
        assertThat(other.med()).isEqualTo(50);
        assertThat(AsPath.format(other.asPath())).isEqualTo("65001 65001 65002 65010");
        assertThat(other.communities()).isEmpty();
        assertThat(other.nextHopText()).isEqualTo("198.51.100.1");
        assertThat(p.apply(Family.IPV4, 0x0A000000L, 0, 8, in, ctx, interner)).as("falls to the final reject").isNull();
    }

    @Test
    void everyProblemIsListedWithItsLine() {
        String text = """
                router-id: 0.0.0.0
                asn: 70000000000
                colour: blue
                networks: [203.0.113.1/24, 10.0.0.0/33]
                prefix-lists:
                  a: [203.0.113.0/24 le 20]
                policies:
                  p:
                    - match: {as-path: "(", community: ["65536:1"], family: ipv5}
                      accept: maybe
                    - set: {prepend: 99}
                neighbors:
                  - address: 172.20.0.2
                    remote-as: 65002
                    import: nope
                    hold-time: 2
                    families: [ipv4, ipx]
                  - remote-as: 65003
                  - address: not-an-address
                    remote-as: 23456
                """;
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, text)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                    "router.yml:1: router-id: must not be 0.0.0.0 (RFC 6286)",
                    "router.yml:2: asn: expected an AS number 1..4294967295 (not 23456, AS_TRANS), not '70000000000'",
                    "router.yml:3: unknown setting 'colour' (expected one of [asn, cluster-id, http, kernel, listen,"
                            + " neighbors, networks, policies, port, prefix-lists, router-id])",
                    "router.yml:4: networks: '203.0.113.1/24' has host bits set (did you mean 203.0.113.0/24?)",
                    "router.yml:4: networks: prefix length of '10.0.0.0/33' must be 0..32",
                    "router.yml:6: '203.0.113.0/24 le 20': need 24 <= ge <= le <= 32",
                    "router.yml:9: as-path: not a regular expression: Unclosed group",
                    "router.yml:9: community: '65536:1' is not a community (ASN:VALUE, each 0..65535, or no-export,"
                            + " no-advertise, no-export-subconfed)",
                    "router.yml:9: family: expected ipv4 or ipv6, not 'ipv5'",
                    "router.yml:10: accept: expected true or false, not 'maybe'",
                    "router.yml:11: prepend: expected a number 1..16, not '99'",
                    "router.yml:15: import: no policy named 'nope' under policies (defined: [p])",
                    "router.yml:16: hold-time: must be 0 or at least 3 seconds (RFC 4271 §4.2)",
                    "router.yml:17: families: expected ipv4 or ipv6, not 'ipx'",
                    "router.yml:18: missing 'address'",
                    "router.yml:19: address: 'not-an-address' is not a numeric IPv4 or IPv6 address",
                    "router.yml:20: remote-as: expected an AS number 1..4294967295 (not 23456, AS_TRANS), not '23456'");
        });
    }

    @Test
    void yamlSyntaxErrorsHaveALine() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "asn: 1\nneighbors: [\n")).isInstanceOfSatisfying(
                ConfigException.class, e -> assertThat(e.problems().get(0).toString()).startsWith("router.yml:3: YAML syntax"));
    }

    @Test
    void ipv6NeighborsGetBothFamiliesByDefault() throws Exception {
        BgpConfig c = ConfigLoader.parse(FILE, """
                router-id: 10.0.0.1
                asn: 65001
                neighbors:
                  - {address: "2001:db8::2", remote-as: 65002}
                  - {address: 198.51.100.2, remote-as: 65001}
                """);
        assertThat(c.neighbors().get(0).families()).containsExactly(Family.IPV4, Family.IPV6);
        assertThat(c.neighbors().get(1).families()).containsExactly(Family.IPV4);
        assertThat(c.neighbors().get(1).ebgp(c.asn())).isFalse();
        assertThat(c.neighbors().get(0).importPolicy()).isNull();
    }
}
