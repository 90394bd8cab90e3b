package org.flatracoon.lab.backend;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A link rate in bits per second, written as tc writes it: {@code 10mbit}, {@code 512kbit}, {@code 1gbit}. */
public record Rate(long bitsPerSecond) {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bit|kbit|mbit|gbit)(?:/s)?");

    public Rate {
        if (bitsPerSecond < 8_000) {
            throw new IllegalArgumentException("a rate must be at least 8kbit (one byte a millisecond), got "
                    + bitsPerSecond + "bit");
        }
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Rate parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid rate '" + text + "'; write a number and a unit: bit, kbit, mbit"
                    + " or gbit (per second), e.g. 10mbit");
        }
        long unit = switch (m.group(2)) {
            case "kbit" -> 1_000L;
            case "mbit" -> 1_000_000L;
            case "gbit" -> 1_000_000_000L;
            default -> 1L;
        };
        return new Rate(Math.round(Double.parseDouble(m.group(1)) * unit));
    }

    public double megabitsPerSecond() {
        return bitsPerSecond / 1e6;
    }

    @Override
    public String toString() {
        if (bitsPerSecond % 1_000_000_000L == 0) {
            return bitsPerSecond / 1_000_000_000L + "gbit";
        }
        if (bitsPerSecond % 1_000_000L == 0) {
            return bitsPerSecond / 1_000_000L + "mbit";
        }
        if (bitsPerSecond % 1_000L == 0) {
            return bitsPerSecond / 1_000L + "kbit";
        }
        return bitsPerSecond + "bit";
    }
}
