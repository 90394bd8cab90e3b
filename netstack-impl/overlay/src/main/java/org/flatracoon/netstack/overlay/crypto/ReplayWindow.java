package org.flatracoon.netstack.overlay.crypto;

/**
 * Sliding replay window over 64-bit packet counters (RFC 6479 style bitmap): a counter is accepted once, and only
 * if it is not older than {@value #SIZE} behind the highest seen. {@link #check} before decrypting (cheap
 * rejection), {@link #accept} only after the tag verified, so forged packets cannot move the window.
 * Used by one receiving thread.
 */
public final class ReplayWindow {
    public static final int SIZE = 1024;
    private static final int WORDS = SIZE / 64;

    private final long[] bits = new long[WORDS];
    private long highest; // 0: nothing received yet (counters start at 1)

    /** True if the counter is new and inside the window. */
    public boolean check(long counter) {
        if (counter <= 0) {
            return false;
        }
        if (counter > highest) {
            return true;
        }
        if (highest - counter >= SIZE) {
            return false;
        }
        return (bits[word(counter)] & bit(counter)) == 0;
    }

    /** Records an authenticated counter; returns false if it was a replay after all. */
    public boolean accept(long counter) {
        if (!check(counter)) {
            return false;
        }
        if (counter > highest) {
            long shift = counter - highest;
            if (shift >= SIZE) {
                java.util.Arrays.fill(bits, 0);
            } else {
                for (long c = highest + 1; c < counter; c++) {
                    bits[word(c)] &= ~bit(c);
                }
            }
            highest = counter;
        }
        bits[word(counter)] |= bit(counter);
        return true;
    }

    /** Whether a rejected counter was a duplicate inside the window (rather than too old). */
    public boolean tooOld(long counter) {
        return counter <= 0 || (counter <= highest && highest - counter >= SIZE);
    }

    private static int word(long counter) {
        return (int) ((counter >>> 6) % WORDS);
    }

    private static long bit(long counter) {
        return 1L << (counter & 63);
    }
}
