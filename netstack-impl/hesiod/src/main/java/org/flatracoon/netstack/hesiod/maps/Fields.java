package org.flatracoon.netstack.hesiod.maps;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Field splitting and number checks shared by the map parsers; every failure is a HesiodFormatException. */
final class Fields {
    static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fields() {
    }

    /** Splits on {@code separator} keeping empty fields, and insists on exactly {@code expected} of them. */
    static String[] splitExactly(String txt, char separator, int expected) {
        String[] fields = splitKeepingEmpty(txt, separator);
        if (fields.length != expected) {
            throw new HesiodFormatException("expected " + expected + " fields, got " + fields.length);
        }
        return fields;
    }

    static String[] splitKeepingEmpty(String txt, char separator) {
        return txt.split(Pattern.quote(String.valueOf(separator)), -1);
    }

    /** Whitespace-separated tokens; leading and trailing whitespace is not a field. */
    static List<String> tokens(String txt) {
        String trimmed = txt.strip();
        return trimmed.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(trimmed));
    }

    static long unsigned32(String text, String what) {
        return unsignedInRange(text, what, MAX_UNSIGNED_32);
    }

    static int port(String text) {
        return (int) unsignedInRange(text, "port", 65_535);
    }

    /** Plain decimal digits only: no sign, no blanks, no hex, so that format() reproduces the input. */
    private static long unsignedInRange(String text, String what, long max) {
        if (text.startsWith("-") && text.length() > 1 && allDigits(text.substring(1))) {
            throw new HesiodFormatException(what + " '" + text + "' is negative");
        }
        if (text.isEmpty() || !allDigits(text)) {
            throw new HesiodFormatException(what + " '" + text + "' is not a number");
        }
        String significant = text.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10 || Long.parseLong(significant) > max) {
            throw new HesiodFormatException(what + " '" + text + "' is out of range (0.." + max + ")");
        }
        return Long.parseLong(significant);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static void checkUnsigned32(long value, String what) {
        if (value < 0 || value > MAX_UNSIGNED_32) {
            throw new HesiodFormatException(what + " " + value + " is out of range (0.." + MAX_UNSIGNED_32 + ")");
        }
    }

    static String requireNonEmpty(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new HesiodFormatException("empty " + what);
        }
        return value;
    }

    /** Fields are joined with a separator and no escaping exists, so a separator inside a field cannot round-trip. */
    static String requireWithout(String value, String forbidden, String what) {
        if (value == null) {
            throw new HesiodFormatException("missing " + what);
        }
        for (int i = 0; i < forbidden.length(); i++) {
            char c = forbidden.charAt(i);
            if (value.indexOf(c) >= 0) {
                throw new HesiodFormatException(what + " '" + value + "' must not contain '" + c + "'");
            }
        }
        return value;
    }

    /** A single whitespace-free token, for the whitespace-separated maps. */
    static String requireToken(String value, String what) {
        requireNonEmpty(value, what);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new HesiodFormatException(what + " '" + value + "' must not contain whitespace");
            }
        }
        return value;
    }
}
