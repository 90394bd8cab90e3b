package org.flatracoon.netstack.bgp.wire;

import java.util.OptionalInt;

/** Text forms of communities (RFC 1997 {@code 65002:7}, well-known names) and large communities (RFC 8092). */
public final class Communities {
    private Communities() {
    }

    public static String format(int community) {
        return switch (community) {
            case PathAttributes.NO_EXPORT -> "no-export";
            case PathAttributes.NO_ADVERTISE -> "no-advertise";
            case PathAttributes.NO_EXPORT_SUBCONFED -> "no-export-subconfed";
            default -> (community >>> 16) + ":" + (community & 0xFFFF);
        };
    }

    public static String formatLarge(int global, int local1, int local2) {
        return Integer.toUnsignedString(global) + ":" + Integer.toUnsignedString(local1) + ":"
                + Integer.toUnsignedString(local2);
    }

    /** {@code 65002:7}, {@code no-export}, {@code no-advertise}, {@code no-export-subconfed}. */
    public static OptionalInt parse(String text) {
        switch (text.strip()) {
            case "no-export":
                return OptionalInt.of(PathAttributes.NO_EXPORT);
            case "no-advertise":
                return OptionalInt.of(PathAttributes.NO_ADVERTISE);
            case "no-export-subconfed":
                return OptionalInt.of(PathAttributes.NO_EXPORT_SUBCONFED);
            default:
                break;
        }
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 2) {
            return OptionalInt.empty();
        }
        try {
            int high = Integer.parseInt(parts[0]);
            int low = Integer.parseInt(parts[1]);
            if (high < 0 || high > 0xFFFF || low < 0 || low > 0xFFFF) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(high << 16 | low);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** {@code 65002:1:2} as three unsigned 32-bit values, or null. */
    public static int[] parseLarge(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        int[] out = new int[3];
        try {
            for (int i = 0; i < 3; i++) {
                long v = Long.parseLong(parts[i]);
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    return null;
                }
                out[i] = (int) v;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }
}
