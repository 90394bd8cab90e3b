package org.flatracoon.netstack.overlay.wire;

import org.flatracoon.netstack.overlay.identity.Address;

/**
 * Layout of every UDP payload of the overlay:
 * <pre>
 *  0  type (1)        HELLO, DATA, PROBE, PROBE_ACK
 *  1  hops (1)        incremented by a relay; the only byte not authenticated
 *  2  destination (5) node address; a relay forwards by it without reading further
 *  7  source (5)      node address
 * 12  type-specific
 * </pre>
 * Sealed types (DATA, PROBE, PROBE_ACK) continue with the sender's epoch (8), a counter (8), then the
 * ChaCha20-Poly1305 ciphertext and its 16-byte tag; the associated data is bytes 0 and 2..27.
 */
public final class Packet {
    public static final byte HELLO = 1;
    public static final byte DATA = 2;
    public static final byte PROBE = 3;
    public static final byte PROBE_ACK = 4;

    public static final int TYPE = 0;
    public static final int HOPS = 1;
    public static final int DESTINATION = 2;
    public static final int SOURCE = 7;
    public static final int HEADER = 12;
    public static final int EPOCH = 12;
    public static final int COUNTER = 20;
    public static final int SEALED_HEADER = 28;
    public static final int TAG = 16;
    /** Bytes a sealed packet adds to its payload. */
    public static final int OVERHEAD = SEALED_HEADER + TAG;
    public static final int MAX_HOPS = 2;
    /** Largest UDP payload over IPv4. */
    public static final int MAX_UDP = 65_507;

    private Packet() {
    }

    public static void header(byte[] b, byte type, Address destination, Address source) {
        b[TYPE] = type;
        b[HOPS] = 0;
        destination.write(b, DESTINATION);
        source.write(b, SOURCE);
    }

    /** As {@link #header(byte[], byte, Address, Address)}, from raw 40-bit values (no allocation). */
    public static void header(byte[] b, byte type, long destination, long source) {
        b[TYPE] = type;
        b[HOPS] = 0;
        for (int i = 0; i < Address.BYTES; i++) {
            b[DESTINATION + i] = (byte) (destination >>> (8 * (Address.BYTES - 1 - i)));
            b[SOURCE + i] = (byte) (source >>> (8 * (Address.BYTES - 1 - i)));
        }
    }

    public static long readLong(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }

    public static void writeLong(byte[] b, int offset, long v) {
        for (int i = 0; i < 8; i++) {
            b[offset + i] = (byte) (v >>> (56 - 8 * i));
        }
    }

    /** The destination address without allocating: the 40-bit value. */
    public static long destination(byte[] b) {
        return field40(b, DESTINATION);
    }

    public static long source(byte[] b) {
        return field40(b, SOURCE);
    }

    private static long field40(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < Address.BYTES; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }
}
