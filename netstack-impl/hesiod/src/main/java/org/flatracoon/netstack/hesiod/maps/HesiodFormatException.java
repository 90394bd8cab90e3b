package org.flatracoon.netstack.hesiod.maps;

/** A TXT payload does not match the layout of its Hesiod map. The message says what was expected. */
public final class HesiodFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HesiodFormatException(String message) {
        super(message);
    }
}
