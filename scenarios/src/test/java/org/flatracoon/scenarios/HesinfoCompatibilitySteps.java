package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** Runs Debian's hesinfo and ours side by side on one workstation and compares what they print. */
public final class HesinfoCompatibilitySteps {

    private final LabWorld world;
    private Scenario scenario;
    private ExecResult debian;
    private ExecResult ours;

    public HesinfoCompatibilitySteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @When("{word} asks Debian's hesinfo and ours for the {word} entry of {string} in {form} form")
    public void asksBoth(String workstation, String map, String key, List<String> options) {
        LabNode node = world.node(workstation);
        List<String> arguments = new ArrayList<>(options);
        arguments.add(key);
        arguments.add(map);
        debian = node.exec(command(List.of("hesinfo"), arguments));
        ours = node.exec(command(List.of("netstack", "hesinfo"), arguments));
        scenario.log("hesinfo " + String.join(" ", arguments) + "\nDebian (exit " + debian.exitCode() + "):\n"
                + debian.output() + "\nours (exit " + ours.exitCode() + "):\n" + ours.output());
    }

    @Then("both clients print the same and exit alike")
    public void bothPrintTheSame() {
        assertThat(ours.stdout()).as("standard output").isEqualTo(debian.stdout());
        assertThat(ours.stderr()).as("error output").isEqualTo(debian.stderr());
        assertThat(ours.exitCode()).as("exit status").isEqualTo(debian.exitCode());
    }

    /** The classic options for a form of output: -b prints the DNS name, -l the long form. */
    @io.cucumber.java.ParameterType("plain|DNS name|long|DNS name and long")
    public List<String> form(String form) {
        return switch (form) {
            case "DNS name" -> List.of("-b");
            case "long" -> List.of("-l");
            case "DNS name and long" -> List.of("-bl");
            default -> List.of();
        };
    }

    private static String[] command(List<String> program, List<String> arguments) {
        List<String> command = new ArrayList<>(program);
        command.addAll(arguments);
        return command.toArray(String[]::new);
    }
}
