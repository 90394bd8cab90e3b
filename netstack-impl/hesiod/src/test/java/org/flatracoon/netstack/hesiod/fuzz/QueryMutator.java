package org.flatracoon.netstack.hesiod.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structure-aware mutations of DNS query packets, driven by one seeded random source so that a run can be
 * repeated exactly. Each call applies one to four of the mutations below to a copy of the input.
 */
final class QueryMutator {
    /** The mutation kinds, for statistics and failure messages. */
    enum Mutation {
        BIT_FLIP, RANDOM_BYTE, INSERT_BYTES, DELETE_BYTES, TRUNCATE, COUNT_FIELD, LABEL_LENGTH, COMPRESSION_POINTER,
        HEADER_FLAGS, SPLICE, APPEND_OPT, DUPLICATE_TAIL
    }

    private static final int HEADER = 12;
    private static final int[] INTERESTING_COUNTS = {0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF};
    private static final int[] INTERESTING_LENGTHS = {0, 1, 62, 63, 64, 0x7F, 0x80, 0xBF, 0xC0, 0xFF};

    private final SplittableRandom random;
    private final List<byte[]> corpus;

    QueryMutator(SplittableRandom random, List<byte[]> corpus) {
        this.random = random;
        this.corpus = corpus;
    }

    byte[] mutate(byte[] input, List<Mutation> applied) {
        byte[] packet = input.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            applied.add(m);
            packet = apply(m, packet);
        }
        return packet;
    }

    private byte[] apply(Mutation m, byte[] p) {
        switch (m) {
            case BIT_FLIP:
                if (p.length > 0) {
                    int i = random.nextInt(p.length);
                    p[i] ^= (byte) (1 << random.nextInt(8));
                }
                return p;
            case RANDOM_BYTE:
                if (p.length > 0) {
                    p[random.nextInt(p.length)] = (byte) random.nextInt(256);
                }
                return p;
            case INSERT_BYTES: {
                int at = random.nextInt(p.length + 1);
                byte[] extra = new byte[1 + random.nextInt(random.nextInt(8) == 0 ? 600 : 8)];
                for (int i = 0; i < extra.length; i++) {
                    extra[i] = (byte) random.nextInt(256);
                }
                return splice(p, at, 0, extra);
            }
            case DELETE_BYTES: {
                if (p.length == 0) {
                    return p;
                }
                int at = random.nextInt(p.length);
                int n = 1 + random.nextInt(Math.min(16, p.length - at));
                return splice(p, at, n, new byte[0]);
            }
            case TRUNCATE:
                return Arrays.copyOf(p, random.nextInt(p.length + 1));
            case COUNT_FIELD: {
                if (p.length < HEADER) {
                    return p;
                }
                int field = 4 + 2 * random.nextInt(4); // QD, AN, NS, AR
                int value = random.nextBoolean() ? INTERESTING_COUNTS[random.nextInt(INTERESTING_COUNTS.length)]
                        : random.nextInt(0x10000);
                p[field] = (byte) (value >> 8);
                p[field + 1] = (byte) value;
                return p;
            }
            case LABEL_LENGTH: {
                List<Integer> lengths = labelLengthOffsets(p);
                if (lengths.isEmpty()) {
                    return p;
                }
                int at = lengths.get(random.nextInt(lengths.size()));
                p[at] = (byte) (random.nextBoolean() ? INTERESTING_LENGTHS[random.nextInt(INTERESTING_LENGTHS.length)]
                        : random.nextInt(256));
                return p;
            }
            case COMPRESSION_POINTER: {
                if (p.length < HEADER + 2) {
                    return p;
                }
                List<Integer> lengths = labelLengthOffsets(p);
                int at = lengths.isEmpty() || random.nextInt(4) == 0
                        ? HEADER + random.nextInt(p.length - HEADER - 1) : lengths.get(random.nextInt(lengths.size()));
                int target;
                switch (random.nextInt(4)) {
                    case 0 -> target = at; // to itself
                    case 1 -> target = HEADER + random.nextInt(Math.max(1, at - HEADER + 1)); // backwards or to itself
                    case 2 -> target = at + 1 + random.nextInt(64); // forwards
                    default -> target = random.nextInt(0x4000); // anywhere, also into the header or beyond the end
                }
                if (at + 1 >= p.length) {
                    return p;
                }
                p[at] = (byte) (0xC0 | (target >> 8) & 0x3F);
                p[at + 1] = (byte) target;
                return p;
            }
            case HEADER_FLAGS:
                if (p.length >= 4) {
                    int i = 2 + random.nextInt(2);
                    p[i] = (byte) random.nextInt(256);
                }
                return p;
            case SPLICE: {
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int cut = random.nextInt(p.length + 1);
                int from = random.nextInt(other.length + 1);
                return splice(Arrays.copyOf(p, cut), cut, 0, Arrays.copyOfRange(other, from, other.length));
            }
            case APPEND_OPT: {
                // an OPT RR (root owner) with random payload size, extended RCODE, version, flags, and maybe an option
                int payload = random.nextInt(0x10000);
                byte[] opt = {0, 0, 41, (byte) (payload >> 8), (byte) payload, (byte) random.nextInt(256),
                    (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0), (byte) random.nextInt(256), 0, 0, 0};
                if (random.nextBoolean()) {
                    int optLen = random.nextInt(8);
                    opt[10] = (byte) (4 + optLen);
                    byte[] option = new byte[4 + optLen];
                    option[1] = (byte) random.nextInt(16);
                    option[3] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : optLen); // option length, maybe lying
                    opt = splice(opt, opt.length, 0, option);
                }
                byte[] out = splice(p, p.length, 0, opt);
                if (out.length >= HEADER) {
                    int ar = ((out[10] & 0xFF) << 8 | (out[11] & 0xFF)) + 1;
                    out[10] = (byte) (ar >> 8);
                    out[11] = (byte) ar;
                }
                return out;
            }
            case DUPLICATE_TAIL: {
                if (p.length <= HEADER) {
                    return p;
                }
                int from = HEADER + random.nextInt(p.length - HEADER);
                return splice(p, p.length, 0, Arrays.copyOfRange(p, from, p.length));
            }
            default:
                throw new IllegalStateException("unhandled " + m);
        }
    }

    /** Offsets of the label length bytes of the first name after the header (the question name). */
    static List<Integer> labelLengthOffsets(byte[] p) {
        java.util.ArrayList<Integer> offsets = new java.util.ArrayList<>();
        int i = HEADER;
        while (i < p.length && offsets.size() < 128) {
            int len = p[i] & 0xFF;
            offsets.add(i);
            if (len == 0 || len >= 0x40) {
                break;
            }
            i += 1 + len;
        }
        return offsets;
    }

    private static byte[] splice(byte[] p, int at, int remove, byte[] insert) {
        byte[] out = new byte[p.length - remove + insert.length];
        System.arraycopy(p, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(p, at + remove, out, at + insert.length, p.length - at - remove);
        return out;
    }
}
