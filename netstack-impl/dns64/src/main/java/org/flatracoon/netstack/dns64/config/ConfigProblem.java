package org.flatracoon.netstack.dns64.config;

/** One thing wrong in a configuration file; line 0 means the file as a whole. */
public record ConfigProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
