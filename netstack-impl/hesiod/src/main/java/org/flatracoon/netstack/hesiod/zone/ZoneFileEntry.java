package org.flatracoon.netstack.hesiod.zone;

/**
 * One logical entry of a master file (a record or a directive), possibly spanning lines inside parentheses.
 *
 * @param line          the line the entry starts on (1-based)
 * @param text          the entry's raw text, newlines included, so relative line numbers inside it stay right
 * @param ownerOmitted  the entry starts with blank space and so reuses the previous record's owner (RFC 1035 §5.1)
 */
record ZoneFileEntry(int line, String text, boolean ownerOmitted) {
}
