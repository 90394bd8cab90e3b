package org.flatracoon.netstack.bgp.wire;

import java.util.Arrays;

/**
 * A growable list of prefixes of one family in parallel primitive arrays, reused from message to message so
 * that decoding allocates nothing per prefix.
 */
public final class PrefixBuffer {
    private final Family family;
    private long[] hi = new long[64];
    private long[] lo;
    private byte[] length = new byte[64];
    private int size;

    public PrefixBuffer(Family family) {
        this.family = family;
        this.lo = family == Family.IPV6 ? new long[64] : null;
    }

    public Family family() {
        return family;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void add(long h, long l, int len) {
        if (size == hi.length) {
            int n = size * 2;
            hi = Arrays.copyOf(hi, n);
            length = Arrays.copyOf(length, n);
            if (lo != null) {
                lo = Arrays.copyOf(lo, n);
            }
        }
        hi[size] = h;
        if (lo != null) {
            lo[size] = l;
        }
        length[size] = (byte) len;
        size++;
    }

    public long hi(int i) {
        return hi[i];
    }

    public long lo(int i) {
        return lo == null ? 0 : lo[i];
    }

    public int length(int i) {
        return length[i] & 0xFF;
    }

    public String format(int i) {
        return Prefixes.format(family, hi(i), lo(i), length(i));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(format(i));
        }
        return b.append(']').toString();
    }
}
