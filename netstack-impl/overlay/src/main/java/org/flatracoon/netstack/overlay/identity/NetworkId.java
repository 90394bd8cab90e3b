package org.flatracoon.netstack.overlay.identity;

import java.util.regex.Pattern;

/** A 64-bit network id: the controller's 40-bit address followed by a 24-bit network number (16 hex). */
public record NetworkId(long value) {
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{16}");

    public static NetworkId of(Address controller, int number) {
        if (number < 0 || number > 0xff_ffff) {
            throw new IllegalArgumentException("a network number has 24 bits");
        }
        return new NetworkId((controller.value() << 24) | number);
    }

    /** @throws IllegalArgumentException naming the problem */
    public static NetworkId parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a network id (16 hex digits)");
        }
        return new NetworkId(Long.parseUnsignedLong(text, 16));
    }

    public Address controller() {
        return new Address(value >>> 24);
    }

    public int number() {
        return (int) (value & 0xff_ffff);
    }

    public byte[] bytes() {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (value >>> (56 - 8 * i));
        }
        return b;
    }

    @Override
    public String toString() {
        return Hex.of(value, 16);
    }
}
