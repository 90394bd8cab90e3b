package org.flatracoon.lab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Holds the one-way arrows of ARCHITECTURE.md inside the lab module. */
@AnalyzeClasses(packages = "org.flatracoon.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_model_knows_nothing_of_how_labs_run = noClasses()
            .that().resideInAPackage("..lab.topology..")
            .should().dependOnClassesThat().resideInAnyPackage("..lab.backend..", "..lab.docker..", "..lab.kind..",
                    "..lab.probe..", "..lab.cli..", "com.github.dockerjava..", "org.testcontainers..");

    @ArchTest
    static final ArchRule the_port_does_not_know_its_docker_adapter = noClasses()
            .that().resideInAnyPackage("..lab.backend..", "..lab.kind..", "..lab.probe..", "..lab.wait..")
            .should().dependOnClassesThat().resideInAnyPackage("..lab.docker..", "..lab.cli..",
                    "com.github.dockerjava..", "org.testcontainers..");

    @ArchTest
    static final ArchRule probes_return_values_and_do_not_assert_with_test_libraries = noClasses()
            .that().resideInAPackage("..lab..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cucumber..", "org.junit..", "org.assertj..");
}
