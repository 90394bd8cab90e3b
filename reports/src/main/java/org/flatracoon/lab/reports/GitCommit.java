package org.flatracoon.lab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit a run tested, for the history: CI's GIT_COMMIT, else `git rev-parse`, else unknown. */
final class GitCommit {

    private GitCommit() {
    }

    /** @return the commit id, or null when neither CI nor git can tell */
    static String current(Path workingDirectory) {
        String fromCi = System.getenv("GIT_COMMIT");
        if (fromCi != null && !fromCi.isBlank()) {
            return fromCi.strip();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            git.getOutputStream().close();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && out.matches("[0-9a-f]{7,40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
