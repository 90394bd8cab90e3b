package org.flatracoon.netstack.overlay.identity;

import java.util.HexFormat;

/** Lower-case hex, as ZeroTier writes addresses, network ids and keys. */
public final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** @throws IllegalArgumentException when the text is not an even number of hex digits */
    public static byte[] parse(String text) {
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return HEX.parseHex(text);
    }

    /** The value as exactly {@code digits} lower-case hex digits. */
    public static String of(long value, int digits) {
        String s = Long.toHexString(value);
        return "0".repeat(Math.max(0, digits - s.length())) + s;
    }
}
