package org.flatracoon.netstack.hesiod.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class WireCheckTest {

    private static byte[] query() throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("jdoe.passwd.ns.example.org."), Type.TXT, DClass.HS));
        q.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        return q.toWire();
    }

    @Test
    void acceptsQueriesAndCompressedResponses() throws Exception {
        assertThat(WireCheck.problem(query())).isEmpty();

        Message response = new Message(query());
        Name name = Name.fromString("jdoe.passwd.ns.example.org.");
        response.addRecord(new TXTRecord(name, DClass.HS, 300, "a"), Section.ANSWER);
        response.addRecord(new TXTRecord(name, DClass.HS, 300, "b"), Section.ANSWER);
        assertThat(WireCheck.problem(response.toWire())).isEmpty(); // owners are backwards pointers
    }

    @Test
    void rejectsTrailingBytesAndCutMessages() throws Exception {
        byte[] q = query();
        assertThat(WireCheck.problem(Arrays.copyOf(q, q.length + 1))).contains("1 bytes after the last record");
        assertThat(WireCheck.problem(Arrays.copyOf(q, q.length - 1))).hasValueSatisfying(p -> assertThat(p).contains("cut off"));
        assertThat(WireCheck.problem(new byte[5])).contains("shorter than a DNS header (5 bytes)");
    }

    @Test
    void rejectsPointerLoopsAndForwardPointers() {
        byte[] header = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        byte[] self = concat(header, new byte[] {(byte) 0xC0, 12, 0, 16, 0, 1});
        byte[] loop = concat(header, new byte[] {1, 'a', (byte) 0xC0, 12, 0, 16, 0, 1});
        byte[] forward = concat(header, new byte[] {(byte) 0xC0, 16, 0, 16, 0, 1, 0});
        byte[] intoHeader = concat(header, new byte[] {(byte) 0xC0, 2, 0, 16, 0, 1});
        assertThat(WireCheck.problem(self)).hasValueSatisfying(p -> assertThat(p).contains("not backwards"));
        assertThat(WireCheck.problem(loop)).hasValueSatisfying(p -> assertThat(p).contains("not backwards"));
        assertThat(WireCheck.problem(forward)).hasValueSatisfying(p -> assertThat(p).contains("not backwards"));
        assertThat(WireCheck.problem(intoHeader)).hasValueSatisfying(p -> assertThat(p).contains("not backwards"));
    }

    @Test
    void rejectsLongLabelsAndNames() {
        byte[] header = {0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0};
        byte[] label = new byte[65];
        label[0] = 64;
        assertThat(WireCheck.problem(concat(header, label, new byte[] {0, 0, 16, 0, 1})))
                .contains("label length byte 64 (labels are at most 63 bytes)");

        byte[] name = new byte[5 * 64 + 1];
        for (int i = 0; i < 5; i++) {
            name[i * 64] = 63;
        }
        assertThat(WireCheck.problem(concat(header, name, new byte[] {0, 16, 0, 1}))).contains("name longer than 255 bytes");
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
