package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkPrintsTheRulesetAndTaygaConfigurationOfAGoodPolicy() throws IOException {
        Path policy = Files.writeString(dir.resolve("site.yml"), """
                site-interfaces: [eth1]
                outside-interfaces: [eth2]
                nat64: {prefix: "fd64:ff9b::/96", pool: 203.0.113.184/29, ipv4-address: 203.0.113.185}
                """);

        NetstackTest.Run run = NetstackTest.run("site", "check", "--config", policy.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("delete table inet flatracoon_site")
                .contains("oifname { \"eth2\" } ip saddr 203.0.113.184/29 masquerade")
                .contains("prefix fd64:ff9b::/96\ndynamic-pool 203.0.113.184/29\n");
    }

    @Test
    void enforceRefusesABrokenPolicyWithExitCode2AndEveryProblem() throws IOException {
        Path policy = Files.writeString(dir.resolve("site.yml"), """
                site-interfaces: [eth1]
                nat64: {prefix: "fd64:ff9b::/80", pool: 203.0.113.184/29, ipv4-address: 203.0.113.185}
                """);

        NetstackTest.Run run = NetstackTest.run("site", "enforce", "--config", policy.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                policy + ":1: missing 'outside-interfaces'",
                policy + ":2: prefix: fd64:ff9b::/80 has length 80; RFC 6052 allows 32, 40, 48, 56, 64 or 96",
                "2 problems in the site policy; nothing was applied");
    }

    @Test
    void aMissingPolicyFileIsOneClearLine() {
        NetstackTest.Run run = NetstackTest.run("site", "check", "--config", dir.resolve("none.yml").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).first().isEqualTo(dir.resolve("none.yml") + ": no such file");
    }
}
