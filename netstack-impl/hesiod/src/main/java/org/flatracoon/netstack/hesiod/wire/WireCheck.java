package org.flatracoon.netstack.hesiod.wire;

import java.util.Optional;

/**
 * A strict structural check of a DNS message before anyone parses it: the header counts must match the
 * records actually present, every name must be well formed (labels of at most 63 bytes, names of at most
 * 255, compression pointers only backwards, so no loops), and nothing may follow the last record.
 *
 * <p>dnsjava tolerates trailing bytes and forward pointers; a server should answer those with FORMERR.
 */
public final class WireCheck {
    public static final int HEADER_LENGTH = 12;
    private static final int MAX_NAME_LENGTH = 255;

    private WireCheck() {
    }

    /** Why the message is malformed, or empty if its structure is sound. */
    public static Optional<String> problem(byte[] message) {
        try {
            check(message);
            return Optional.empty();
        } catch (Malformed e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void check(byte[] m) throws Malformed {
        if (m.length < HEADER_LENGTH) {
            throw new Malformed("shorter than a DNS header (" + m.length + " bytes)");
        }
        int questions = u16(m, 4);
        int records = u16(m, 6) + u16(m, 8) + u16(m, 10);
        int pos = HEADER_LENGTH;
        for (int i = 0; i < questions; i++) {
            pos = need(m, skipName(m, pos), 4, "question") + 4;
        }
        for (int i = 0; i < records; i++) {
            pos = need(m, skipName(m, pos), 10, "resource record");
            int rdLength = u16(m, pos + 8);
            pos = need(m, pos + 10, rdLength, "rdata") + rdLength;
        }
        if (pos != m.length) {
            throw new Malformed((m.length - pos) + " bytes after the last record");
        }
    }

    /** Returns the position after the name that starts at {@code start}. */
    private static int skipName(byte[] m, int start) throws Malformed {
        int pos = start;
        int segmentStart = start; // a pointer must lead before the labels read so far
        int end = -1; // where the name ends in the message: after its first pointer, or after its root label
        int length = 1;
        while (true) {
            if (pos >= m.length) {
                throw new Malformed("name runs past the end of the message");
            }
            int b = m[pos] & 0xFF;
            if (b == 0) {
                return end >= 0 ? end : pos + 1;
            }
            switch (b & 0xC0) {
                case 0xC0:
                    if (pos + 1 >= m.length) {
                        throw new Malformed("compression pointer cut off");
                    }
                    int target = ((b & 0x3F) << 8) | (m[pos + 1] & 0xFF);
                    // to an earlier name, never into the header: targets strictly decrease, so no loops
                    if (target >= segmentStart || target < HEADER_LENGTH) {
                        throw new Malformed("compression pointer at " + pos + " to " + target + " is not backwards");
                    }
                    if (end < 0) {
                        end = pos + 2;
                    }
                    pos = target;
                    segmentStart = target;
                    break;
                case 0x00:
                    length += b + 1;
                    if (length > MAX_NAME_LENGTH) {
                        throw new Malformed("name longer than 255 bytes");
                    }
                    pos += b + 1;
                    break;
                default:
                    throw new Malformed("label length byte " + b + " (labels are at most 63 bytes)");
            }
        }
    }

    private static int need(byte[] m, int pos, int count, String what) throws Malformed {
        if (pos + count > m.length) {
            throw new Malformed(what + " cut off at byte " + pos);
        }
        return pos;
    }

    private static int u16(byte[] m, int pos) {
        return ((m[pos] & 0xFF) << 8) | (m[pos + 1] & 0xFF);
    }

    /** Internal control flow only: a message is either sound or has one reported reason. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
