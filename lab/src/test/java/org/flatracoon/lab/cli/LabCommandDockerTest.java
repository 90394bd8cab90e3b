package org.flatracoon.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.docker.RequiresDocker;
import org.flatracoon.lab.docker.TestLabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The `lab` command against the Docker engine: a lab's whole life from `up` to `down` (lab it-cli). */
@RequiresDocker
class LabCommandDockerTest {

    private static final String LAB = "it-cli";
    private final Path file = TestLabs.resource("cli.clab.yml");

    @BeforeEach
    @AfterEach
    void noItCliLab() {
        // a `lab up` lab outlives its process by design; never leave ours behind, even when a test fails
        TestLabs.inventory().removeLab(LAB);
        assertThat(TestLabs.leftoversOfLab(LAB)).isEmpty();
    }

    @Test
    void upPsExecDownRoundTrip() {
        CliRun up = CliRun.of("up", file.toString());
        assertThat(up.exitCode()).as(up.err()).isZero();
        Matcher started = Pattern.compile("lab it-cli is up \\(run (\\w{8})\\)").matcher(up.outLines().get(0));
        assertThat(started.matches()).as(up.out()).isTrue();
        String runId = started.group(1);
        assertThat(up.outLines()).hasSize(4);
        assertThat(up.outLines().get(1).split("\\s+")).containsExactly("NODE", "KIND", "IMAGE", "ADDRESSES");
        assertThat(up.outLines().get(2).split("\\s+"))
                .containsExactly("a", "host", TestLabs.HOST_IMAGE, "eth1=198.51.100.97/27,2001:db8:196::97/64");

        CliRun ps = CliRun.of("ps");
        assertThat(ps.exitCode()).isZero();
        assertThat(ps.outLines()).anySatisfy(line -> assertThat(line.split("\\s+")).containsExactly(
                LAB, "cli", "b", "host", TestLabs.HOST_IMAGE, "running", "eth1=198.51.100.98/27,2001:db8:196::98/64"));

        CliRun exec = CliRun.of("exec", LAB, "a", "--", "sh", "-c", "echo hello; echo oops >&2; exit 3");
        assertThat(exec.exitCode()).isEqualTo(3);
        assertThat(exec.out()).isEqualTo("hello\n");
        assertThat(exec.err()).isEqualTo("oops\n");

        // without `--` too, as `just lab exec …` passes it (just keeps the `--` for itself)
        CliRun shell = CliRun.of("exec", LAB, "a", "sh", "-c", "echo again");
        assertThat(shell.exitCode()).isZero();
        assertThat(shell.out()).isEqualTo("again\n");

        CliRun ping = CliRun.of("exec", LAB, "a", "--", "ping", "-n", "-c", "1", "-W", "2", "2001:db8:196::98");
        assertThat(ping.exitCode()).as(ping.out() + ping.err()).isZero();

        CliRun noNode = CliRun.of("exec", LAB, "z", "--", "true");
        assertThat(noNode.exitCode()).isEqualTo(1);
        assertThat(noNode.errLines()).containsExactly("lab: lab it-cli has no node named z");

        CliRun down = CliRun.of("down", file.toString());
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.outLines()).containsExactly("lab it-cli removed (2 containers, 1 networks)");
        assertThat(TestLabs.inventory().leftovers(runId)).isEmpty();
        assertThat(CliRun.of("ps").out()).doesNotContain(LAB);
    }

    @Test
    void downOfAnUnknownLabSaysSoAndFails() {
        CliRun run = CliRun.of("down", "it-cli-never-started");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("lab: no lab named it-cli-never-started is running (see `lab ps`)");
    }

    @Test
    void execInAnUnknownLabSaysSoAndFails() {
        CliRun run = CliRun.of("exec", "it-cli-never-started", "a", "--", "true");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("lab: no lab named it-cli-never-started is running (see `lab ps`)");
    }
}
