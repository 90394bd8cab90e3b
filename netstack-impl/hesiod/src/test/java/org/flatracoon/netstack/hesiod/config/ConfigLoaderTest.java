package org.flatracoon.netstack.hesiod.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("/etc/hesiod/hesiod.yaml");

    @Test
    void readsTheDocumentedFormatWithPathsRelativeToTheFile() throws Exception {
        HesiodConfig config = ConfigLoader.parse(FILE, String.join("\n",
                "state-dir: state",
                "keys:",
                "  - {name: transfer-key, algorithm: hmac-sha256, secret: \"c2VjcmV0\"}",
                "  - {name: update-key, algorithm: HMAC-SHA512, secret: \"c2VjcmV0\"}",
                "zones:",
                "  - file: example.org.zone",
                "    notify: [198.51.100.54, \"198.51.100.55:5353\", \"[2001:db8::53]:5300\"]",
                "    allow-transfer: [198.51.100.54/32, \"2001:db8:53::/64\"]",
                "    transfer-key: transfer-key",
                "    update-key: update-key"));
        assertThat(config.stateDir()).isEqualTo(Path.of("/etc/hesiod/state"));
        ZoneSettings zone = config.zones().get(0);
        assertThat(zone.file()).isEqualTo(Path.of("/etc/hesiod/example.org.zone"));
        assertThat(zone.notifyTargets()).containsExactly(
                new InetSocketAddress(InetAddress.getByName("198.51.100.54"), 53),
                new InetSocketAddress(InetAddress.getByName("198.51.100.55"), 5353),
                new InetSocketAddress(InetAddress.getByName("2001:db8::53"), 5300));
        assertThat(zone.allowTransfer().allows(InetAddress.getByName("198.51.100.54"))).isTrue();
        assertThat(zone.allowTransfer().allows(InetAddress.getByName("198.51.100.55"))).isFalse();
        assertThat(zone.allowTransfer().allows(InetAddress.getByName("2001:db8:53::9"))).isTrue();
        assertThat(zone.allowTransfer().allows(InetAddress.getByName("2001:db8:54::9"))).isFalse();
        assertThat(zone.transferKey().orElseThrow().name().toString()).isEqualTo("transfer-key.");
        assertThat(zone.updateKey()).isPresent();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsLine() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, String.join("\n",
                "keys:",
                "  - {name: k, algorithm: hmac-md4, secret: \"!!\"}",
                "zones:",
                "  - file: a.zone",
                "    notify: [ns1.example.org]",
                "    allow-transfer: [198.51.100.0/33]",
                "    update-key: missing",
                "    colour: blue",
                "  - name: ns.example.com.",
                "    primary: ns1.example.org")))
                .isInstanceOf(ZoneLoadException.class)
                .satisfies(e -> assertThat(((ZoneLoadException) e).problems()).extracting(Object::toString)
                        .containsExactly(
                                FILE + ":2: unknown algorithm 'hmac-md4' (supported: hmac-sha256, hmac-sha384,"
                                        + " hmac-sha512, hmac-sha224, hmac-sha1)",
                                FILE + ":2: the secret is not base64: Illegal base64 character 21",
                                FILE + ":5: notify: 'ns1.example.org' is not an IP address",
                                FILE + ":6: allow-transfer: '198.51.100.0/33': prefix length must be 0..32",
                                FILE + ":7: update-key: no key named 'missing' under keys",
                                FILE + ":8: unknown setting 'colour' (expected one of [allow-transfer, class, file,"
                                        + " name, notify, primary, primary-key, refresh-max, transfer-key,"
                                        + " update-key])",
                                FILE + ":10: primary: 'ns1.example.org' is not an IP address"));
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, "zones: [\n  - file: a\n")).hasMessageStartingWith(
                FILE + ":");
    }

    @Test
    void readsSecondaryZones() throws Exception {
        HesiodConfig config = ConfigLoader.parse(FILE, String.join("\n",
                "keys:",
                "  - {name: transfer-key, algorithm: hmac-sha256, secret: \"c2VjcmV0\"}",
                "zones:",
                "  - name: ns.example.com",
                "    primary: \"192.0.2.1:5353\"",
                "    primary-key: transfer-key",
                "    refresh-max: 30s",
                "    notify: [198.51.100.54]",
                "  - name: ns.example.net.",
                "    primary: \"2001:db8::1\"",
                "    class: in"));
        SecondarySettings s = config.zones().get(0).secondary().orElseThrow();
        assertThat(config.zones().get(0).file()).isNull();
        assertThat(s.name().toString()).isEqualTo("ns.example.com.");
        assertThat(s.primary()).isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5353));
        assertThat(s.primaryKey()).isPresent();
        assertThat(s.dclass()).isEqualTo(org.xbill.DNS.DClass.HS);
        assertThat(s.refreshMax()).contains(java.time.Duration.ofSeconds(30));
        assertThat(config.zones().get(0).notifyTargets()).hasSize(1);
        SecondarySettings v6 = config.zones().get(1).secondary().orElseThrow();
        assertThat(v6.primary().getPort()).isEqualTo(53);
        assertThat(v6.dclass()).isEqualTo(org.xbill.DNS.DClass.IN);
        assertThat(v6.refreshMax()).isEmpty();
    }

    @Test
    void secondaryZoneMistakesAreReported() {
        assertThatThrownBy(() -> ConfigLoader.parse(FILE, String.join("\n",
                "zones:",
                "  - primary: 192.0.2.1",
                "    file: x.zone",
                "    update-key: k",
                "    class: CH",
                "    refresh-max: soon",
                "  - file: y.zone",
                "    refresh-max: 5")))
                .satisfies(e -> assertThat(((ZoneLoadException) e).problems()).extracting(Object::toString)
                        .contains(
                                FILE + ":2: missing 'name'",
                                FILE + ":3: 'file' is for primary zones; a secondary zone (primary:) gets its data"
                                        + " by zone transfer",
                                FILE + ":5: class: expected HS or IN, not 'CH'",
                                FILE + ":6: refresh-max: expected a duration such as 30, 30s, 5m or 1h (at least"
                                        + " 1 s), not 'soon'",
                                FILE + ":8: 'refresh-max' is only for secondary zones (with primary:)"));
    }
}
