package org.flatracoon.netstack.bgp.wire;

/** A decoded message or the NOTIFICATION that its errors call for; never both. */
public record Decoded<T>(T value, Notification error) {
    public static <T> Decoded<T> ok(T value) {
        return new Decoded<>(value, null);
    }

    public static <T> Decoded<T> error(Notification error) {
        return new Decoded<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
