package org.flatracoon.netstack.overlay.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/** A 40-bit node address, written as 10 hex digits (ZeroTier's format). */
public record Address(long value) implements Comparable<Address> {
    public static final int BYTES = 5;
    private static final long MASK = 0xff_ffff_ffffL;
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{10}");

    public Address {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("an address has 40 bits");
        }
    }

    /** @throws IllegalArgumentException naming the problem */
    public static Address parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a node address (10 hex digits)");
        }
        return new Address(Long.parseLong(text, 16));
    }

    public static Address read(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < BYTES; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return new Address(v);
    }

    public void write(byte[] b, int offset) {
        for (int i = 0; i < BYTES; i++) {
            b[offset + i] = (byte) (value >>> (8 * (BYTES - 1 - i)));
        }
    }

    /** 0 and the ff prefix are reserved, as in ZeroTier. */
    public boolean reserved() {
        return value == 0 || (value >>> 32) == 0xff;
    }

    @Override
    public int compareTo(Address o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Hex.of(value, 10).toLowerCase(Locale.ROOT);
    }
}
