package org.flatracoon.lab.fault;

/**
 * A fault this machine cannot produce (delay and jitter need the kernel's netem, which some
 * kernels lack). Nothing was changed; a scenario step turns this into a skip with the reason.
 * The message is meant for the user as is.
 */
public class UnsupportedFaultException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedFaultException(String message) {
        super(message);
    }
}
