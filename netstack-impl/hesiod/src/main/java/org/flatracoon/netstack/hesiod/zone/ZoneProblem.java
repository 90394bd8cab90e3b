package org.flatracoon.netstack.hesiod.zone;

/** One problem found in a zone file; {@code line} is 1-based, or 0 when it concerns the whole file. */
public record ZoneProblem(String source, int line, String message) {

    public static ZoneProblem ofFile(String source, String message) {
        return new ZoneProblem(source, 0, message);
    }

    /** {@code zone.db:14: message}, the usual compiler layout that editors can jump to. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
