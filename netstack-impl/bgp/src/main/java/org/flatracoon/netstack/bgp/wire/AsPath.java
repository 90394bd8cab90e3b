package org.flatracoon.netstack.bgp.wire;

import java.util.Arrays;

/**
 * AS paths as one int array of segments {@code [type, count, asn…]*} (ASNs are unsigned 32-bit values kept in
 * ints). Immutable by convention: every operation returns a new array.
 */
public final class AsPath {
    public static final int AS_SET = 1;
    public static final int AS_SEQUENCE = 2;
    public static final int AS_CONFED_SEQUENCE = 3;
    public static final int AS_CONFED_SET = 4;
    public static final int AS_TRANS = 23456;
    public static final int[] EMPTY = new int[0];

    private AsPath() {
    }

    public static int[] sequence(long... asns) {
        if (asns.length == 0) {
            return EMPTY;
        }
        int[] p = new int[asns.length + 2];
        p[0] = AS_SEQUENCE;
        p[1] = asns.length;
        for (int i = 0; i < asns.length; i++) {
            p[i + 2] = (int) asns[i];
        }
        return p;
    }

    /** RFC 4271 §9.1.2.2 a: an AS_SET counts as 1, confederation segments count 0. */
    public static int length(int[] path) {
        int n = 0;
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            n += switch (path[i]) {
                case AS_SEQUENCE -> path[i + 1];
                case AS_SET -> 1;
                default -> 0;
            };
        }
        return n;
    }

    /** Number of ASNs, each counted (for RFC 6793 AS4_PATH merging). */
    static int count(int[] path) {
        int n = 0;
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            n += path[i + 1];
        }
        return n;
    }

    public static boolean contains(int[] path, long asn) {
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            for (int j = 0; j < path[i + 1]; j++) {
                if ((path[i + 2 + j] & 0xFFFF_FFFFL) == asn) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first AS of a leading AS_SEQUENCE (the neighbour that sent it), or -1. */
    public static long first(int[] path) {
        return path.length >= 3 && path[0] == AS_SEQUENCE ? path[2] & 0xFFFF_FFFFL : -1;
    }

    /** {@code asn} prepended {@code times} times, into the leading AS_SEQUENCE (a new one if needed or full). */
    public static int[] prepend(int[] path, long asn, int times) {
        int[] result = path;
        for (int t = 0; t < times; t++) {
            if (result.length >= 2 && result[0] == AS_SEQUENCE && result[1] < 255) {
                int[] p = new int[result.length + 1];
                p[0] = AS_SEQUENCE;
                p[1] = result[1] + 1;
                p[2] = (int) asn;
                System.arraycopy(result, 2, p, 3, result.length - 2);
                result = p;
            } else {
                int[] p = new int[result.length + 3];
                p[0] = AS_SEQUENCE;
                p[1] = 1;
                p[2] = (int) asn;
                System.arraycopy(result, 0, p, 3, result.length);
                result = p;
            }
        }
        return result;
    }

    /** Whether any ASN needs four octets (then AS_TRANS and AS4_PATH are needed towards an OLD speaker). */
    public static boolean hasFourOctet(int[] path) {
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            for (int j = 0; j < path[i + 1]; j++) {
                if ((path[i + 2 + j] & 0xFFFF_FFFFL) > 0xFFFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * RFC 6793 §4.2.3: rebuild the real path from a 2-octet AS_PATH and an AS4_PATH. If the AS_PATH is the
     * shorter one, the AS4_PATH is ignored; otherwise the leading extra ASes of AS_PATH are kept and the rest is
     * taken from AS4_PATH.
     */
    public static int[] merge(int[] asPath, int[] as4Path) {
        int n = count(asPath);
        int n4 = count(as4Path);
        if (n < n4) {
            return asPath;
        }
        int keep = n - n4;
        int[] out = new int[asPath.length + as4Path.length];
        int o = 0;
        for (int i = 0; i < asPath.length && keep > 0; i += asPath[i + 1] + 2) {
            int take = Math.min(keep, asPath[i + 1]);
            out[o++] = asPath[i];
            out[o++] = take;
            System.arraycopy(asPath, i + 2, out, o, take);
            o += take;
            keep -= take;
        }
        System.arraycopy(as4Path, 0, out, o, as4Path.length);
        return Arrays.copyOf(out, o + as4Path.length);
    }

    /** {@code 65002 65010 {65020 65021}}: sequences space-separated, sets in braces, confed parts in (…)/[…]. */
    public static String format(int[] path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            String open = switch (path[i]) {
                case AS_SET -> "{";
                case AS_CONFED_SEQUENCE -> "(";
                case AS_CONFED_SET -> "[";
                default -> "";
            };
            String close = switch (path[i]) {
                case AS_SET -> "}";
                case AS_CONFED_SEQUENCE -> ")";
                case AS_CONFED_SET -> "]";
                default -> "";
            };
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(open);
            for (int j = 0; j < path[i + 1]; j++) {
                b.append(j == 0 ? "" : " ").append(path[i + 2 + j] & 0xFFFF_FFFFL);
            }
            b.append(close);
        }
        return b.toString();
    }
}
