package org.flatracoon.lab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Points {@code <parent>/latest} at the run folder so {@code reports/out/latest/index.html} always
 * opens the newest run. A relative symlink where the file system allows it; a {@code LATEST} text
 * file with the run folder's absolute path is written every time, for scripts and for systems
 * without symlinks.
 */
final class LatestPointer {

    static final String LINK = "latest";
    static final String FILE = "LATEST";

    private LatestPointer() {
    }

    /** Returns a problem to report, or empty when both pointers were written. */
    static Optional<String> update(Path runFolder) {
        Path run = runFolder.toAbsolutePath().normalize();
        Path parent = run.getParent();
        if (parent == null || run.getFileName().toString().equals(LINK)) {
            return Optional.empty(); // the run folder is the pointer's own spot: nothing to point from
        }
        StringBuilder problems = new StringBuilder();
        try {
            Files.writeString(parent.resolve(FILE), run + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.append("cannot write ").append(parent.resolve(FILE)).append(": ").append(e).append('\n');
        }
        try {
            link(parent, run.getFileName());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            problems.append("cannot link ").append(parent.resolve(LINK)).append(" (see ").append(FILE)
                    .append(" instead): ").append(e).append('\n');
        }
        return problems.length() == 0 ? Optional.empty() : Optional.of(problems.toString().trim());
    }

    private static void link(Path parent, Path runName) throws IOException {
        Path link = parent.resolve(LINK);
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
            // A real file or folder named "latest" is someone's data, not our pointer: leave it.
            throw new IOException(link + " exists and is not a symbolic link");
        }
        // Build the new link beside the old one and rename it over, so "latest" is never missing.
        Path fresh = parent.resolve("." + LINK + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createSymbolicLink(fresh, runName);
        try {
            Files.move(fresh, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(fresh);
            throw e;
        }
    }
}
