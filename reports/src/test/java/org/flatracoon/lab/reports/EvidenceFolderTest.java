package org.flatracoon.lab.reports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFolderTest {

    @TempDir
    Path temp;

    @Test
    void pathTraversalNamesStayInsideTheFolder() throws IOException {
        Path dir = temp.resolve("run/evidence/01-f/s");
        EvidenceFolder folder = new EvidenceFolder(dir);

        for (String name : List.of("../../etc/passwd", "/etc/shadow", "..\\..\\boot.ini", "..", ".", "/", "~/.ssh/id_rsa")) {
            assertThat(folder.save(name, "text/plain", "x".getBytes(UTF_8))).isPresent();
        }

        try (Stream<Path> files = Files.walk(temp)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(f.getParent()).isEqualTo(dir));
        }
        assertThat(dir.resolve("etc-passwd.txt")).hasContent("x");
        assertThat(folder.problems()).isEmpty();
    }

    @Test
    void extensionComesFromTheMediaTypeWhenTheNameHasNone() {
        assertThat(EvidenceFolder.fileName("dig output", "text/plain")).isEqualTo("dig-output.txt");
        assertThat(EvidenceFolder.fileName("routes", "application/json")).isEqualTo("routes.json");
        assertThat(EvidenceFolder.fileName("topology", "application/yaml")).isEqualTo("topology.yaml");
        assertThat(EvidenceFolder.fileName("topology", "application/x-yaml")).isEqualTo("topology.yaml");
        assertThat(EvidenceFolder.fileName("status", "text/html; charset=utf-8")).isEqualTo("status.html");
        assertThat(EvidenceFolder.fileName("eth1", "application/vnd.tcpdump.pcap")).isEqualTo("eth1.pcap");
        assertThat(EvidenceFolder.fileName("a-eth1--b-eth1.pcap", "application/vnd.tcpdump.pcap"))
                .isEqualTo("a-eth1--b-eth1.pcap");
        assertThat(EvidenceFolder.fileName("lab picture", "image/svg+xml")).isEqualTo("lab-picture.svg");
        assertThat(EvidenceFolder.fileName("blob", "image/x-unknown")).isEqualTo("blob.bin");
        assertThat(EvidenceFolder.fileName(null, null)).isEqualTo("attachment.bin");
        assertThat(EvidenceFolder.fileName("bird.conf", "text/plain")).isEqualTo("bird.conf");
        assertThat(EvidenceFolder.fileName("r1 routes.v4", "application/json")).isEqualTo("r1-routes.v4");
        assertThat(EvidenceFolder.fileName("n".repeat(300), "text/plain")).hasSize(100).endsWith(".txt");
    }

    @Test
    void neverOverwritesAndNeverTakesTheReportsOwnFileNames() {
        EvidenceFolder folder = new EvidenceFolder(temp);

        assertThat(folder.save("trace", "text/plain", "1".getBytes(UTF_8))).contains("trace.txt");
        assertThat(folder.save("trace", "text/plain", "2".getBytes(UTF_8))).contains("trace-2.txt");
        assertThat(folder.save("log.txt", "text/plain", "3".getBytes(UTF_8))).contains("log-2.txt");
        assertThat(folder.save("scenario.json", "application/json", "{}".getBytes(UTF_8))).contains("scenario-2.json");
        assertThat(folder.save("empty", null, null)).contains("empty.bin");
        assertThat(temp.resolve("trace.txt")).hasContent("1");
        assertThat(temp.resolve("trace-2.txt")).hasContent("2");
    }

    @Test
    void logLinesAreAppendedOneALine() {
        EvidenceFolder folder = new EvidenceFolder(temp);
        folder.appendLog("first");
        folder.appendLog("second\n");
        assertThat(temp.resolve(EvidenceFolder.LOG)).hasContent("first\nsecond\n");
    }

    @Test
    void anUnwritableFolderIsAProblemNotAnException() throws IOException {
        Path blocker = Files.writeString(temp.resolve("a-file"), "in the way");
        EvidenceFolder folder = new EvidenceFolder(blocker.resolve("evidence"));

        assertThat(folder.save("x", "text/plain", new byte[] {1})).isEmpty();
        folder.appendLog("line");
        folder.writeScenarioJson("{}");

        assertThat(folder.problems()).isNotEmpty();
    }
}
