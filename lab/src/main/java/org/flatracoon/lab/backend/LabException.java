package org.flatracoon.lab.backend;

/** A lab could not be brought up or operated; the message is meant for the user as is. */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
