package org.flatracoon.lab.backend;

/** What a command run inside a node printed and how it ended. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Stdout and stderr together, for error messages. */
    public String output() {
        return stderr.isBlank() ? stdout : stdout + stderr;
    }
}
