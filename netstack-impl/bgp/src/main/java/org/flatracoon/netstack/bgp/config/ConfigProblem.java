package org.flatracoon.netstack.bgp.config;

/** One problem in a configuration file; {@code line} is 1-based, or 0 when it concerns the whole file. */
public record ConfigProblem(String source, int line, String message) {
    /** {@code router.yml:14: message}, the layout editors can jump to. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
