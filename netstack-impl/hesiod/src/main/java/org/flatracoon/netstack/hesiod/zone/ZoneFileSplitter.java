package org.flatracoon.netstack.hesiod.zone;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits master-file text into logical entries and remembers the line each one starts on.
 *
 * <p>dnsjava's parser does not expose line numbers of the records it returns, and it cannot resume after a
 * syntax error. Cutting the file into entries first gives every record its line and lets the reader parse each
 * entry on its own, so one bad entry does not hide the problems after it. This is purely lexical: it knows
 * comments, quoted strings, backslash escapes and parentheses, nothing about record types.
 */
final class ZoneFileSplitter {

    /** The entries, plus the line of a '(' that was never closed (0 if all are balanced). */
    record Result(List<ZoneFileEntry> entries, int unclosedParenLine) {
    }

    private final List<ZoneFileEntry> entries = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int entryLine = 1;
    private boolean hasContent;
    private int depth;
    private int firstOpenParenLine;

    private ZoneFileSplitter() {
    }

    static Result split(String text) {
        return new ZoneFileSplitter().run(text);
    }

    private Result run(String text) {
        int line = 1;
        boolean inQuotes = false;
        boolean inComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                // dnsjava's tokenizer treats CR, LF and CRLF alike as one line break
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                c = '\n';
            }
            if (c == '\n') {
                current.append('\n');
                line++;
                // quoted strings and comments never span lines; the tokenizer reports an unterminated quote
                inQuotes = false;
                inComment = false;
                if (depth == 0) {
                    finishEntry(line);
                }
                continue;
            }
            current.append(c);
            if (inComment) {
                continue;
            }
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                current.append(text.charAt(++i));
                hasContent = true;
                continue;
            }
            if (inQuotes) {
                inQuotes = c != '"';
                continue;
            }
            switch (c) {
                case '"':
                    inQuotes = true;
                    hasContent = true;
                    break;
                case ';':
                    inComment = true;
                    break;
                case '(':
                    if (depth++ == 0) {
                        firstOpenParenLine = line;
                    }
                    break;
                case ')':
                    // a stray ')' is left in the text for the tokenizer to reject
                    depth = Math.max(0, depth - 1);
                    hasContent = true;
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    hasContent = true;
            }
        }
        int unclosed = depth > 0 ? firstOpenParenLine : 0;
        finishEntry(line);
        return new Result(List.copyOf(entries), unclosed);
    }

    private void finishEntry(int nextLine) {
        if (hasContent) {
            char first = current.charAt(0);
            entries.add(new ZoneFileEntry(entryLine, current.toString(), first == ' ' || first == '\t'));
        }
        current.setLength(0);
        hasContent = false;
        depth = 0;
        entryLine = nextLine;
    }
}
