package org.flatracoon.netstack.hesiod.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic stream of hostile DNS packets, for robustness tests and the {@code send-malformed} command.
 * The same seed always gives the same packets; kinds take turns so that every kind appears in any run of
 * {@code Kind.values().length} packets.
 *
 * <p>None of them deserves an answer record: a correct server replies FORMERR, NOTIMP or REFUSED, or stays silent.
 */
public final class MalformedQueries {

    /** The ways a packet is broken. */
    public enum Kind {
        EMPTY,
        SHORTER_THAN_HEADER,
        HEADER_WITH_BOGUS_COUNTS,
        TRUNCATED_QUESTION,
        LABEL_TOO_LONG,
        NAME_TOO_LONG,
        POINTER_LOOP,
        FORWARD_POINTER,
        GARBAGE_AFTER_QUESTION,
        RANDOM_BYTES,
        QR_SET,
        UNKNOWN_OPCODE,
        WRONG_CLASS,
        NO_QUESTION,
        TWO_QUESTIONS,
        TWO_OPT_RECORDS
    }

    /** One generated packet and how it was broken. */
    public record Packet(Kind kind, byte[] bytes) {
    }

    private static final int TYPE_TXT = 16;
    private static final int CLASS_IN = 1;
    private static final int TYPE_OPT = 41;
    private static final String[] MAPS = {"passwd", "group", "uid", "filsys", "pobox", "service"};

    private final SplittableRandom random;
    private long count;

    public MalformedQueries(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public List<Packet> take(int n) {
        List<Packet> packets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            packets.add(next());
        }
        return packets;
    }

    public Packet next() {
        Kind kind = Kind.values()[(int) (count++ % Kind.values().length)];
        return new Packet(kind, build(kind));
    }

    private byte[] build(Kind kind) {
        switch (kind) {
            case EMPTY:
                return new byte[0];
            case SHORTER_THAN_HEADER:
                return randomBytes(1 + random.nextInt(11));
            case HEADER_WITH_BOGUS_COUNTS:
                return header(0, 0, 1 + random.nextInt(0xFFFF), random.nextInt(0x10000), random.nextInt(0x10000),
                        random.nextInt(0x10000));
            case TRUNCATED_QUESTION: {
                byte[] query = query(0, CLASS_IN);
                return copy(query, 13 + random.nextInt(query.length - 14));
            }
            case LABEL_TOO_LONG: {
                int length = 64 + random.nextInt(128); // 0x40..0xBF: neither a label length nor a pointer
                byte[] label = new byte[length];
                Arrays.fill(label, (byte) 'a');
                return concat(header(0, 0, 1, 0, 0, 0), new byte[] {(byte) length}, label, new byte[] {0},
                        typeAndClass(TYPE_TXT, CLASS_IN));
            }
            case NAME_TOO_LONG: {
                ByteArrayOutputStream name = new ByteArrayOutputStream();
                for (int i = 0; i < 5; i++) {
                    name.write(63);
                    name.writeBytes("x".repeat(63).getBytes(StandardCharsets.US_ASCII));
                }
                name.write(0);
                return concat(header(0, 0, 1, 0, 0, 0), name.toByteArray(), typeAndClass(TYPE_TXT, CLASS_IN));
            }
            case POINTER_LOOP:
                // either a pointer to itself, or a label followed by a pointer back to that label
                return random.nextBoolean()
                        ? concat(header(0, 0, 1, 0, 0, 0), new byte[] {(byte) 0xC0, 12}, typeAndClass(TYPE_TXT, CLASS_IN))
                        : concat(header(0, 0, 1, 0, 0, 0), new byte[] {1, 'a', (byte) 0xC0, 12},
                                typeAndClass(TYPE_TXT, CLASS_IN));
            case FORWARD_POINTER: {
                int target = 14 + random.nextInt(0x3FFF - 14);
                return concat(header(0, 0, 1, 0, 0, 0), new byte[] {(byte) (0xC0 | target >> 8), (byte) target},
                        typeAndClass(TYPE_TXT, CLASS_IN));
            }
            case GARBAGE_AFTER_QUESTION:
                return concat(query(0, CLASS_IN), randomBytes(4096 + random.nextInt(4096)));
            case RANDOM_BYTES:
                return randomBytes(12 + random.nextInt(1500));
            case QR_SET:
                return query(0x80, CLASS_IN);
            case UNKNOWN_OPCODE:
                return query((1 + random.nextInt(15)) << 3, CLASS_IN);
            case WRONG_CLASS:
                return query(0, wrongClass());
            case NO_QUESTION:
                return header(0, 0, 0, 0, 0, 0);
            case TWO_QUESTIONS: {
                byte[] question = question(CLASS_IN);
                return concat(header(0x01, 0, 2, 0, 0, 0), question, question);
            }
            case TWO_OPT_RECORDS:
                return concat(header(0x01, 0, 1, 0, 0, 2), question(CLASS_IN), opt(), opt());
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    private int wrongClass() {
        int[] classes = {2, 3, 254, 5 + random.nextInt(249), 256 + random.nextInt(0xFF00)};
        return classes[random.nextInt(classes.length)];
    }

    /** A well-formed query except for what the caller changes: flags byte 2 and class. */
    private byte[] query(int flagsHigh, int qclass) {
        return concat(header(flagsHigh | 0x01, 0, 1, 0, 0, 0), question(qclass));
    }

    private byte[] question(int qclass) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String key = "u" + random.nextInt(100_000);
        for (String label : new String[] {key, MAPS[random.nextInt(MAPS.length)], "ns", "example", "org"}) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        out.writeBytes(typeAndClass(TYPE_TXT, qclass));
        return out.toByteArray();
    }

    private static byte[] opt() {
        // root owner, type OPT, payload 1232, extended rcode/version/flags 0, no options
        return new byte[] {0, 0, TYPE_OPT, 0x04, (byte) 0xD0, 0, 0, 0, 0, 0, 0};
    }

    private byte[] header(int flagsHigh, int flagsLow, int qd, int an, int ns, int ar) {
        int id = random.nextInt(0x10000);
        return new byte[] {(byte) (id >> 8), (byte) id, (byte) flagsHigh, (byte) flagsLow,
            (byte) (qd >> 8), (byte) qd, (byte) (an >> 8), (byte) an, (byte) (ns >> 8), (byte) ns,
            (byte) (ar >> 8), (byte) ar};
    }

    private static byte[] typeAndClass(int type, int dclass) {
        return new byte[] {(byte) (type >> 8), (byte) type, (byte) (dclass >> 8), (byte) dclass};
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] copy(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
