package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgpCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Netstack.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private List<String> errLines() {
        return err.toString().lines().toList();
    }

    private static final String GOOD = """
            router-id: 10.0.0.1
            asn: 65001
            networks: [203.0.113.0/24]
            policies:
              all: [{accept: true}]
            neighbors:
              - {address: 198.51.100.2, remote-as: 65002, import: all, export: all}
            """;

    @Test
    void checkOfAGoodFileSaysOk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("router.yml");
        Files.writeString(file, GOOD);
        assertThat(run("bgp", "check", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo(file + ": OK, AS 65001, router id 10.0.0.1, 1 neighbors, 1 networks\n");
    }

    @Test
    void checkListsEveryProblemAndExitsOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("router.yml");
        Files.writeString(file, GOOD.replace("65002", "AS65002").replace("203.0.113.0/24", "203.0.113.0/33"));
        assertThat(run("bgp", "check", file.toString())).isEqualTo(1);
        assertThat(errLines()).containsExactly(
                file + ":3: networks: prefix length of '203.0.113.0/33' must be 0..32",
                file + ":7: remote-as: expected an AS number 1..4294967295 (not 23456, AS_TRANS), not 'AS65002'",
                file + ": 2 problems");
    }

    @Test
    void serveRefusesABadFileWithExitTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("router.yml");
        Files.writeString(file, GOOD.replace("import: all", "import: none"));
        assertThat(run("bgp", "serve", "--config", file.toString(), "--no-kernel")).isEqualTo(BgpServeCommand.CONFIG_ERROR);
        assertThat(errLines()).containsExactly(file + ":7: import: no policy named 'none' under policies (defined: [all])");
    }

    @Test
    void anUnreadableFileIsOneLine() {
        assertThat(run("bgp", "check", "/nonexistent/router.yml")).isEqualTo(1);
        assertThat(errLines()).singleElement().satisfies(l -> assertThat(l).startsWith("/nonexistent/router.yml: cannot read"));
    }

    @Test
    void injectNeedsNumericAddresses() {
        assertThat(run("bgp", "inject", "--peer", "router.example", "--local-as", "65010", "--peer-as", "65001",
                "--next-hop", "198.51.100.10", "--count", "10")).isEqualTo(2);
        assertThat(errLines()).singleElement().satisfies(l -> assertThat(l).contains("--peer: 'router.example' is not a numeric"));
        err.getBuffer().setLength(0);
        assertThat(run("bgp", "inject", "--peer", "127.0.0.1", "--local-as", "65010", "--peer-as", "65001",
                "--next-hop", "198.51.100.10", "--first", "255.255.254.0/24", "--count", "300")).isEqualTo(2);
        assertThat(errLines()).singleElement().satisfies(l -> assertThat(l).contains("--count: 1..2 for prefixes of length 24"));
    }
}
