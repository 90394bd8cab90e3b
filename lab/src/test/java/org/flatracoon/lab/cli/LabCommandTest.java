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
                broken + ":6: unknown kind 'hots' (known kinds: bgp, bind, bird, dns64, frr, hesiod, host, linux, nat64,"
                        + " overlay-controller, overlay-node, unbound)",
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
                "lab: a subcommand is required: up, down, exec, ps, clean, check, graph, audit, fault, node, replay (see `lab --help`)");
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("lab 0.1.0");
    }

    @Test
    void graphPrintsTheLabAsMermaid() {
        Path good = TestLabs.resource("cli.clab.yml");

        CliRun run = CliRun.of("graph", good.toString(), "--format", "mermaid");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("%% lab it-cli\ngraph LR\n")
                .contains("n_a ---|\"a eth1 198.51.100.97/27 2001:db8:196::97/64<br/>b eth1 198.51.100.98/27 2001:db8:196::98/64\"| n_b");
    }

    @Test
    void graphWritesAnSvgFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("it-cli.svg");

        CliRun run = CliRun.of("graph", TestLabs.resource("cli.clab.yml").toString(), "--output", out.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(java.nio.file.Files.readString(out)).startsWith("<svg ").contains(">198.51.100.98/27<");
    }

    @Test
    void graphOfAnUnknownFormatNamesTheFormatsItKnows() {
        CliRun run = CliRun.of("graph", TestLabs.resource("cli.clab.yml").toString(), "--format", "png");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("unknown format 'png' (use mermaid, dot or svg)").contains("lab graph --help");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiterString = "=>", value = {
        "fault lab1 link a b loss         => lab: loss needs a value: lab fault lab1 link a b loss PERCENT (e.g. 20) (see `lab fault --help`)",
        "fault lab1 link a b loss lots    => lab: invalid loss value 'lots'; expected PERCENT (e.g. 20) (see `lab fault --help`)",
        "fault lab1 link a b loss 150     => lab: loss must be above 0 and at most 100 percent, got 150 (see `lab fault --help`)",
        "fault lab1 link a b rate fast    => lab: invalid rate 'fast'; write a number and a unit: bit, kbit, mbit or gbit (per second), e.g. 10mbit (see `lab fault --help`)",
        "fault lab1 link a b delay -5     => lab: delay must be a positive number of milliseconds, got -5 (see `lab fault --help`)",
        "fault lab1 link a b wobble       => lab: unknown link action 'wobble'; use one of [down, up, blackhole, clear, loss, rate, delay] (see `lab fault --help`)",
        "fault lab1 link a b up 3         => lab: up takes no value (see `lab fault --help`)",
        "fault lab1 link a b down --from a => lab: --from goes with loss or rate only (see `lab fault --help`)",
        "fault lab1 link a                => lab: link needs two nodes and an action: lab fault lab1 link A B down|up|blackhole|clear|loss|rate|delay (see `lab fault --help`)",
        "fault lab1 smash                 => lab: unknown fault 'smash'; use link, partition, heal or list (see `lab fault --help`)",
        "fault lab1 partition             => lab: partition needs the nodes to cut off, comma-separated: lab fault lab1 partition N1,N2 (see `lab fault --help`)",
        "node lab1 b explode              => lab: unknown node action 'explode'; use one of [stop, start, restart, pause, unpause, kill] (see `lab node --help`)",
        "replay /no/such/bundle.zip       => lab: no such file or folder: /no/such/bundle.zip (see `lab replay --help`)"})
    void badFaultNodeAndReplayArgumentsGetOneLineAndExitCode2BeforeAnythingIsTouched(String args, String message) {
        CliRun run = CliRun.of(args.trim().split("\\s+"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(message.trim());
    }

    @Test
    void aFolderThatIsNotAReplayBundleIsRefusedNamingWhatIsMissing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CliRun run = CliRun.of("replay", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("lab: " + dir + " is not a replay bundle: it has no bundle.json and "
                + "schedule.json (give the bundle folder or its zip from the failed scenario's evidence)");
    }
}
