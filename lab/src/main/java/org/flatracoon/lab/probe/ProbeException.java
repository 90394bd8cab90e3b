package org.flatracoon.lab.probe;

/** A probe could not observe what it was asked to (the tool failed, or printed something unreadable). */
public class ProbeException extends RuntimeException {

    public ProbeException(String message) {
        super(message);
    }
}
