package org.flatracoon.netstack.site.config;

/** One problem in a site configuration; {@code line} is 1-based, or 0 when it concerns the whole file. */
public record ConfigProblem(String source, int line, String message) {

    /** {@code site.yml:14: message}, the usual compiler layout that editors can jump to. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
