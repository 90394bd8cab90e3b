package org.flatracoon.netstack.bgp.rib;

import java.util.Arrays;
import org.flatracoon.netstack.bgp.wire.Family;

/**
 * An open-addressing hash table from prefixes to a fixed number of object columns, with no object per entry:
 * an IPv4 key is one long ({@code address << 8 | length}), an IPv6 key two longs and a byte. Linear probing with
 * backward-shift deletion, so there are no tombstones. About 8 bytes of key plus 4 per column per slot.
 */
public final class PrefixMap {
    private static final long EMPTY4 = -1L;
    private static final byte EMPTY6 = -1;

    private final Family family;
    private final int columns;
    private long[] keys;
    private long[] keysLo;
    private byte[] lengths;
    /** Column values interleaved per slot ({@code slot * columns + column}): one cache line per entry. */
    private Object[] values;
    private int mask;
    private int shift;
    private int size;

    public PrefixMap(Family family, int columns) {
        this.family = family;
        this.columns = columns;
        allocate(16);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        if (family == Family.IPV4) {
            Arrays.fill(keys, EMPTY4);
            keysLo = null;
            lengths = null;
        } else {
            keysLo = new long[capacity];
            lengths = new byte[capacity];
            Arrays.fill(lengths, EMPTY6);
        }
        values = new Object[Math.max(1, columns) * capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    public Family family() {
        return family;
    }

    public int size() {
        return size;
    }

    /** Slots are 0..capacity-1; use {@link #occupied} when iterating. */
    public int capacity() {
        return keys.length;
    }

    public boolean occupied(int slot) {
        return family == Family.IPV4 ? keys[slot] != EMPTY4 : lengths[slot] != EMPTY6;
    }

    public long hi(int slot) {
        return family == Family.IPV4 ? keys[slot] >>> 8 : keys[slot];
    }

    public long lo(int slot) {
        return family == Family.IPV4 ? 0 : keysLo[slot];
    }

    public int length(int slot) {
        return family == Family.IPV4 ? (int) (keys[slot] & 0xFF) : lengths[slot] & 0xFF;
    }

    public Object get(int slot, int column) {
        return values[slot * columns + column];
    }

    public void set(int slot, int column, Object value) {
        values[slot * columns + column] = value;
    }

    /**
     * Fibonacci hashing of the prefix without its last 4 significant bits, plus those bits: runs of up to 16
     * neighbouring prefixes (as tables and full feeds have them) land in neighbouring slots, so a batch of
     * UPDATEs touches few cache lines, while the runs themselves spread over the table.
     */
    private int hash(long hi, long lo, int length) {
        int low = length == 0 ? 0 : family == Family.IPV4 ? (int) (hi >>> Math.max(0, 32 - length)) & 15
                : length <= 64 ? (int) (hi >>> (64 - length)) & 15 : (int) (lo >>> Math.max(0, 128 - length)) & 15;
        long key = ((hi << 8 | length) ^ (lo * 0xC2B2_AE3D_27D4_EB4FL)) & ~(15L << (8 + Math.max(0, 32 - length)));
        if (family == Family.IPV6) {
            key = (hi ^ (lo * 0xC2B2_AE3D_27D4_EB4FL) ^ length) & ~(length <= 64 ? 15L << (64 - length) : 0);
        }
        return ((int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> shift) + low) & mask;
    }

    private boolean keyAt(int slot, long hi, long lo, int length) {
        if (family == Family.IPV4) {
            return keys[slot] == (hi << 8 | length);
        }
        return keys[slot] == hi && keysLo[slot] == lo && lengths[slot] == (byte) length;
    }

    /** The slot of the prefix, or -1. */
    public int find(long hi, long lo, int length) {
        int i = hash(hi, lo, length);
        while (occupied(i)) {
            if (keyAt(i, hi, lo, length)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /** The slot of the prefix, added with null columns if absent. Slots move when the table grows. */
    public int insert(long hi, long lo, int length) {
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int i = hash(hi, lo, length);
        while (occupied(i)) {
            if (keyAt(i, hi, lo, length)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (family == Family.IPV4) {
            keys[i] = hi << 8 | length;
        } else {
            keys[i] = hi;
            keysLo[i] = lo;
            lengths[i] = (byte) length;
        }
        size++;
        return i;
    }

    public boolean remove(long hi, long lo, int length) {
        int i = find(hi, lo, length);
        if (i < 0) {
            return false;
        }
        removeSlot(i);
        return true;
    }

    /** Backward-shift deletion: later entries of the same probe run move up into the hole. */
    private void removeSlot(int hole) {
        int i = hole;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (!occupied(j)) {
                break;
            }
            int home = hash(hi(j), lo(j), length(j));
            boolean movable = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                copySlot(j, i);
                i = j;
            }
        }
        clearSlot(i);
        size--;
    }

    private void copySlot(int from, int to) {
        keys[to] = keys[from];
        if (family == Family.IPV6) {
            keysLo[to] = keysLo[from];
            lengths[to] = lengths[from];
        }
        for (int c = 0; c < columns; c++) {
            values[to * columns + c] = values[from * columns + c];
        }
    }

    private void clearSlot(int i) {
        if (family == Family.IPV4) {
            keys[i] = EMPTY4;
        } else {
            lengths[i] = EMPTY6;
        }
        for (int c = 0; c < columns; c++) {
            values[i * columns + c] = null;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLo = keysLo;
        byte[] oldLengths = lengths;
        Object[] oldValues = values;
        int oldCapacity = oldKeys.length;
        allocate(oldCapacity * 2);
        size = 0;
        for (int s = 0; s < oldCapacity; s++) {
            boolean used = family == Family.IPV4 ? oldKeys[s] != EMPTY4 : oldLengths[s] != EMPTY6;
            if (!used) {
                continue;
            }
            long hi = family == Family.IPV4 ? oldKeys[s] >>> 8 : oldKeys[s];
            long lo = family == Family.IPV4 ? 0 : oldLo[s];
            int length = family == Family.IPV4 ? (int) (oldKeys[s] & 0xFF) : oldLengths[s] & 0xFF;
            int slot = insert(hi, lo, length);
            for (int c = 0; c < columns; c++) {
                values[slot * columns + c] = oldValues[s * columns + c];
            }
        }
    }

    public void clear() {
        allocate(16);
        size = 0;
    }
}
