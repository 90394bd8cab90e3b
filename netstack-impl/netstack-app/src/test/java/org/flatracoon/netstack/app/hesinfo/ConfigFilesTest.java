package org.flatracoon.netstack.app.hesinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hesiod.conf and resolv.conf are read the way libhesiod 3.2.1 and the glibc stub resolver read them. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void hesiodConfAcceptsTheDebconfAndTheSpaceSeparatedLayouts() throws Exception {
        assertThat(HesiodConfig.parse("# comment\nlhs=.ns\nrhs=.example.org\nclasses=IN,HS\n"))
                .isEqualTo(new HesiodConfig(".ns", ".example.org"));
        assertThat(HesiodConfig.parse("  LHS   .ns  trailing\nRHS = example.org\n"))
                .isEqualTo(new HesiodConfig(".ns", "example.org"));
        assertThat(HesiodConfig.parse("rhs=.a.example\nrhs=.b.example\n").rhs()).isEqualTo(".b.example");
        assertThat(HesiodConfig.parse("rhs=.example.org\n").lhs()).isNull();
    }

    @Test
    void hesiodConfWithoutRhsIsInvalid() {
        assertThatThrownBy(() -> HesiodConfig.parse("lhs=.ns\n")).isInstanceOf(HesiodConfig.InvalidConfigException.class);
    }

    @Test
    void environmentOverridesFileAndDomain() throws Exception {
        Path file = Files.writeString(dir.resolve("h.conf"), "lhs=.ns\nrhs=.example.org\n");
        Path missing = dir.resolve("missing.conf");
        assertThat(HesiodConfig.load(Map.of(), missing)).isEqualTo(new HesiodConfig(".ns", ".athena.mit.edu"));
        assertThat(HesiodConfig.load(Map.of("HESIOD_CONFIG", file.toString()), missing).rhs()).isEqualTo(".example.org");
        assertThat(HesiodConfig.load(Map.of("HES_DOMAIN", ".example.net"), file).rhs()).isEqualTo(".example.net");
        assertThat(HesiodConfig.load(Map.of("HES_DOMAIN", "example.net"), file).rhs()).isEqualTo(".example.net");
    }

    @Test
    void resolvConfTakesThreeNumericNameServersOnPort53AndTheOptions() throws IOException {
        ResolvConf conf = ResolvConf.parse(String.join("\n",
                "# comment", "search example.org", "nameserver 192.0.2.1", "nameserver ns.example.org",
                "nameserver 2001:db8::53", "nameserver 192.0.2.3", "nameserver 192.0.2.4",
                "options ndots:1 timeout:3 attempts:9"), null);
        assertThat(conf.nameservers()).extracting(InetSocketAddress::getPort).containsOnly(53);
        assertThat(conf.nameservers()).extracting(a -> a.getAddress().getHostAddress())
                .containsExactly("192.0.2.1", "2001:db8:0:0:0:0:0:53", "192.0.2.3");
        assertThat(conf.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(conf.attempts()).isEqualTo(5);

        assertThat(ResolvConf.parse("options timeout:3\n", "timeout:1 attempts:1").timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void withoutNameServersTheLoopbackIsAsked() {
        ResolvConf conf = ResolvConf.load(dir.resolve("none"), null);
        assertThat(conf.nameservers()).singleElement().satisfies(a -> {
            assertThat(a.getAddress().isLoopbackAddress()).isTrue();
            assertThat(a.getPort()).isEqualTo(53);
        });
        assertThat(conf.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(conf.attempts()).isEqualTo(2);
    }
}
