package org.flatracoon.lab.topology;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a topology file. {@code line} is 1-based; 0 means the problem concerns
 * the whole file (it could not be read, for instance).
 */
public record TopologyProblem(Path file, int line, String message) {

    public TopologyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file.clab.yml:12: message}, the file as it was given to the loader. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
