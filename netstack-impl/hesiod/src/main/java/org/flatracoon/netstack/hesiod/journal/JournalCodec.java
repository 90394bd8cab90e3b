package org.flatracoon.netstack.hesiod.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * The journal's byte layout, without any file I/O.
 *
 * <pre>
 * header: "HSJ1" u32 base-serial             (the zone file's serial the journal starts from)
 * record: u32 length  u32 crc32(payload)  payload
 * payload: u32 n, n × (u16 len, RR)  — from-SOA then deletions
 *          u32 m, m × (u16 len, RR)  — to-SOA then additions
 * </pre>
 *
 * RRs are in uncompressed wire form. A record cut short or failing its checksum ends the journal: a crash
 * while appending can only tear the last record, and that change was never acknowledged.
 */
public final class JournalCodec {
    static final byte[] MAGIC = "HSJ1".getBytes(StandardCharsets.US_ASCII);
    public static final int HEADER_LENGTH = 8;
    private static final int RECORD_OVERHEAD = 8;
    /** Far above any real change; a larger length is garbage, not a record. */
    private static final int MAX_PAYLOAD = 64 << 20;

    /**
     * What was read back.
     *
     * @param validLength bytes up to the end of the last good record; the file is truncated there
     * @param problem     why reading stopped early (a torn or corrupt record), or null
     */
    public record Contents(long baseSerial, List<ZoneDelta> deltas, long validLength, String problem) {
    }

    private JournalCodec() {
    }

    public static byte[] header(long baseSerial) {
        return ByteBuffer.allocate(HEADER_LENGTH).put(MAGIC).putInt((int) baseSerial).array();
    }

    public static byte[] encode(ZoneDelta delta) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        writeList(payload, delta.from(), delta.deleted());
        writeList(payload, delta.to(), delta.added());
        byte[] body = payload.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(RECORD_OVERHEAD + body.length)
                .putInt(body.length).putInt((int) crc.getValue()).put(body).array();
    }

    private static void writeList(ByteArrayOutputStream out, SOARecord soa, List<Record> records) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(records.size() + 1).array());
        writeRecord(out, soa);
        records.forEach(r -> writeRecord(out, r));
    }

    private static void writeRecord(ByteArrayOutputStream out, Record r) {
        byte[] wire = r.toWire(Section.ANSWER);
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) wire.length).array());
        out.writeBytes(wire);
    }

    /**
     * Reads a whole journal file.
     *
     * @throws IOException if even the header is unreadable (not a journal of ours)
     */
    public static Contents decode(byte[] file) throws IOException {
        if (file.length < HEADER_LENGTH || !Arrays.equals(Arrays.copyOf(file, 4), MAGIC)) {
            throw new IOException("not a hesiod journal (bad header)");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(4);
        long base = Integer.toUnsignedLong(in.getInt());
        List<ZoneDelta> deltas = new ArrayList<>();
        long valid = in.position();
        while (in.hasRemaining()) {
            String problem = readRecord(in, deltas);
            if (problem != null) {
                return new Contents(base, deltas, valid, "record " + (deltas.size() + 1) + " at byte " + valid + ": "
                        + problem);
            }
            valid = in.position();
        }
        return new Contents(base, deltas, valid, null);
    }

    /** Reads one record into {@code deltas}; returns null, or why it is unusable. */
    private static String readRecord(ByteBuffer in, List<ZoneDelta> deltas) {
        if (in.remaining() < RECORD_OVERHEAD) {
            return "torn (" + in.remaining() + " bytes of a record header)";
        }
        int length = in.getInt();
        long expectedCrc = Integer.toUnsignedLong(in.getInt());
        if (length < 0 || length > MAX_PAYLOAD) {
            return "implausible length " + Integer.toUnsignedLong(length);
        }
        if (in.remaining() < length) {
            return "torn (" + in.remaining() + " of " + length + " bytes)";
        }
        byte[] body = new byte[length];
        in.get(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        if (crc.getValue() != expectedCrc) {
            return "checksum mismatch";
        }
        try {
            ByteBuffer payload = ByteBuffer.wrap(body);
            List<Record> before = readList(payload);
            List<Record> after = readList(payload);
            if (payload.hasRemaining() || !(before.get(0) instanceof SOARecord from)
                    || !(after.get(0) instanceof SOARecord to)) {
                return "malformed change";
            }
            deltas.add(new ZoneDelta(from, to, before.subList(1, before.size()), after.subList(1, after.size())));
            return null;
        } catch (IOException | BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return "malformed change: " + e.getMessage();
        }
    }

    private static List<Record> readList(ByteBuffer in) throws IOException {
        int count = in.getInt();
        if (count < 1 || count > in.remaining()) {
            throw new IOException("bad record count " + count);
        }
        List<Record> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] wire = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(wire);
            records.add(Record.fromWire(wire, Section.ANSWER));
        }
        return records;
    }
}
