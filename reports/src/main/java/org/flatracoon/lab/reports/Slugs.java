package org.flatracoon.lab.reports;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns free text (feature and scenario names) into folder names that are safe on every file
 * system and in a URL: lowercase a-z, 0-9 and single dashes, bounded in length.
 */
final class Slugs {

    /** Long enough to recognise a scenario, short enough to keep paths well under OS limits. */
    static final int MAX_LENGTH = 60;

    private static final String EMPTY = "unnamed";

    private Slugs() {
    }

    static String slug(String text) {
        return slug(text, MAX_LENGTH);
    }

    static String slug(String text, int maxLength) {
        if (text == null) {
            return EMPTY;
        }
        // Decompose accents so "Übergang" becomes "ubergang" rather than "bergang".
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return bounded(trimDashes(slug), maxLength);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever is not in {@code taken}; adds the result. */
    static String unique(String base, Set<String> taken) {
        String candidate = base;
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "-" + n;
            candidate = bounded(base, MAX_LENGTH - suffix.length()) + suffix;
        }
        return candidate;
    }

    private static String bounded(String slug, int maxLength) {
        if (slug.length() > maxLength) {
            String cut = slug.substring(0, maxLength);
            int lastDash = cut.lastIndexOf('-');
            // Prefer cutting at a word boundary unless that would throw most of it away.
            slug = trimDashes(lastDash > maxLength / 2 ? cut.substring(0, lastDash) : cut);
        }
        return slug.isEmpty() ? EMPTY : slug;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
