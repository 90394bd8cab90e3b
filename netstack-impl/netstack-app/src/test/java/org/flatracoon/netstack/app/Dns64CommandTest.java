package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Dns64CommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Netstack.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void synthesizePrintsTheEmbeddedAddress() {
        assertThat(run("dns64", "synthesize", "fd64:ff9b::/96", "198.51.100.10")).isZero();
        assertThat(run("dns64", "synthesize", "2001:db8:122:300::/56", "192.0.2.33")).isZero();

        assertThat(out.toString().lines()).containsExactly("fd64:ff9b::c633:640a", "2001:db8:122:3c0:0:221::");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void synthesizeWarnsWhenTheWellKnownPrefixMeetsANonGlobalAddress() {
        assertThat(run("dns64", "synthesize", "64:ff9b::/96", "10.1.2.3")).isZero();

        assertThat(out.toString().strip()).isEqualTo("64:ff9b::a01:203");
        assertThat(err.toString()).contains("not a global address", "RFC 6052 §3.1");
    }

    @Test
    void synthesizeRefusesABadPrefixOrAddress() {
        assertThat(run("dns64", "synthesize", "fd64:ff9b::/95", "198.51.100.10")).isEqualTo(2);
        assertThat(run("dns64", "synthesize", "fd64:ff9b::/96", "198.51.100")).isEqualTo(2);

        assertThat(err.toString().lines()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("/32, /40, /48, /56, /64 or /96, not /95"))
                .anySatisfy(l -> assertThat(l).contains("'198.51.100' is not an IPv4 address"));
    }

    @Test
    void checkListsEveryProblemAndExitsTwo(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("dns64.yml");
        Files.writeString(config, "upstream: [203.0.113.194:99999]\nprefix: fd64:ff9b::/97\n");

        assertThat(run("dns64", "check", config.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                config + ":1: upstream: port '99999' in '203.0.113.194:99999' is not in 1..65535",
                config + ":2: prefix: 'fd64:ff9b::/97': RFC 6052 prefixes are /32, /40, /48, /56, /64 or /96, not /97",
                config + ": 2 problems");
    }

    @Test
    void checkAcceptsAGoodConfiguration(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("dns64.yml");
        Files.writeString(config, "upstream: [203.0.113.194]\nprefix: fd64:ff9b::/96\n");

        assertThat(run("dns64", "check", config.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo(config + ": OK, prefix fd64:ff9b::/96, 1 upstream, exclude [::ffff:0:0/96]");
    }

    @Test
    void serveWithABadOrMissingConfigExitsTwo(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("dns64.yml");
        Files.writeString(config, "prefix: fd64:ff9b::/96\n");

        assertThat(run("dns64", "serve", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(config + ":1: missing 'upstream'");
        assertThat(run("dns64", "serve", "--config", dir.resolve("absent.yml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.yml: cannot read");
    }
}
