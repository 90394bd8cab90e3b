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

class HesiodServeCommandTest {

    private static List<String> errLines(int[] code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code[0] = Netstack.execute(new PrintWriter(out), new PrintWriter(err), args);
        return err.toString().lines().toList();
    }

    @Test
    void aBadConfigExitsTwoWithEveryProblemAndItsLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("hesiod.yaml");
        Files.writeString(config, "keys:\n  - {name: k, algorithm: hmac-sha256}\nzones:\n  - file: missing.zone\n");
        int[] code = new int[1];
        List<String> err = errLines(code, "hesiod", "serve", "--config", config.toString(), "--dns-port", "0",
                "--http-port", "0");
        assertThat(code[0]).isEqualTo(HesiodServeCommand.ZONE_ERROR);
        assertThat(err).containsExactly(config + ":2: missing 'secret'");
    }

    @Test
    void zoneAndConfigCannotBeCombined() {
        int[] code = new int[1];
        List<String> err = errLines(code, "hesiod", "serve", "--zone", "a.zone", "--config", "c.yaml");
        assertThat(code[0]).isEqualTo(2);
        assertThat(err).singleElement().satisfies(l -> assertThat(l).contains("cannot be combined"));
    }
}
