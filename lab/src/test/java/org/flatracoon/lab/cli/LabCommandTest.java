package org.flatracoon.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flatracoon.lab.docker.TestLabs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `lab` command where no Docker engine is needed: checking files, and telling the user what went wrong. */
class LabCommandTest {

    @Test
    void checkPrintsEveryProblemWithItsLineAndFails() {
        Path broken = TestLabs.resource("broken.clab.yml");

        CliRun run = CliRun.of("check", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                broken + ":6: unknown kind 'hots' (known kinds: bind, hesiod, host, linux, overlay-controller,"
                        + " overlay-node)",
                broken + ":11: address 203.0.113.98/27 on b:eth1 is outside the link's subnet 198.51.100.96/27"
                        + " (from 198.51.100.97/27 on a:eth1)",
                broken + ":12: link endpoint ghost:eth1 refers to unknown node 'ghost'");
    }

    @Test
    void checkOfAGoodFileSummarisesIt() {
        Path good = TestLabs.resource("cli.clab.yml");

        CliRun run = CliRun.of("check", good.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(good + ": lab it-cli, 2 nodes, 1 links, no problems");
    }

    @Test
    void upOfAMissingFileSaysSoInOneLineWithoutAStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("nope.clab.yml");

        CliRun run = CliRun.of("up", missing.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("lab: " + missing + ": file not found");
    }

    @Test
    void anUnknownSubcommandIsOneLineWithTheHelpHint() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lab: Unmatched argument at index 0: 'frobnicate' (see `lab --help`)");
    }

    @Test
    void anUnknownOptionIsOneLineNamingTheFullSubcommand() {
        CliRun run = CliRun.of("up", "--frob", "x.clab.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lab: Unknown option: '--frob' (see `lab up --help`)");
    }

    @Test
    void aMissingArgumentIsOneLine() {
        CliRun run = CliRun.of("exec", "it-cli");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("lab: Missing required parameters: 'NODE', 'CMD'")
                .endsWith("(see `lab exec --help`)");
    }

    @Test
    void noSubcommandListsThem() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "lab: a subcommand is required: up, down, exec, ps, clean, check (see `lab --help`)");
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("lab 0.1.0");
    }
}
