package org.flatracoon.lab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden-file tests: every {@code invalid/NAME.clab.yml} must fail with exactly the problems in
 * {@code NAME.expected}, one {@code file:line: message} per line, with {@code ${dir}} standing
 * for the fixture folder. Run with {@code -Dtopology.golden.update=true} to rewrite the
 * expected files from the current output (then review the diff before committing).
 */
class InvalidTopologyGoldenTest {

    private static final String SUFFIX = ".clab.yml";
    private static final Path FIXTURES = Fixtures.folder("invalid");
    private static final Path SOURCE_FIXTURES = Path.of("src/test/resources/topologies/invalid");

    private final TopologyLoader loader = new TopologyLoader(new FakeKinds());

    @TestFactory
    Stream<DynamicTest> eachInvalidFixtureReportsExactlyItsExpectedProblems() throws IOException {
        return fixtures().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> actual = problemsOf(file);
            Path expectedFile = expectedFileOf(file);
            if (Boolean.getBoolean("topology.golden.update")) {
                Files.write(SOURCE_FIXTURES.resolve(expectedFile.getFileName()), actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(expectedFile).as("golden file for " + file.getFileName()).exists();
            assertThat(actual).containsExactlyElementsOf(Files.readAllLines(expectedFile, StandardCharsets.UTF_8));
        }));
    }

    @Test
    void thereAreEnoughFixturesAndEachHasAGoldenFile() throws IOException {
        assertThat(fixtures().count()).isGreaterThanOrEqualTo(12);
        try (Stream<Path> files = Files.list(FIXTURES)) {
            assertThat(files.filter(f -> f.toString().endsWith(".expected")))
                    .allSatisfy(expected -> assertThat(FIXTURES.resolve(
                            expected.getFileName().toString().replace(".expected", SUFFIX))).exists());
        }
    }

    @Test
    void oneFixtureShowsManyProblemsReportedAtOnce() throws IOException {
        assertThat(problemsOf(FIXTURES.resolve("many-problems" + SUFFIX))).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void exceptionMessageListsEveryProblemOnItsOwnLine() {
        Path file = FIXTURES.resolve("many-problems" + SUFFIX);
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> loader.load(file));
        assertThat(e.getMessage().split("\n"))
                .hasSize(e.problems().size())
                .allSatisfy(line -> assertThat(line).startsWith(file + ":"));
    }

    /** Problems as the user sees them, with the file named as in the golden files and paths made portable. */
    private List<String> problemsOf(Path file) {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> loader.load(file));
        assertThat(e).as(file.getFileName() + " should be rejected").isNotNull();
        return e.problems().stream()
                .map(p -> new TopologyProblem(file.getFileName(), p.line(), p.message()).toString())
                .map(line -> line.replace(FIXTURES.toString(), "${dir}"))
                .toList();
    }

    private static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList().stream();
        }
    }

    private static Path expectedFileOf(Path fixture) {
        String name = fixture.getFileName().toString();
        return fixture.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".expected");
    }
}
