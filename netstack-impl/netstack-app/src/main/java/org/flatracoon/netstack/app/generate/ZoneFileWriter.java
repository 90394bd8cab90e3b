package org.flatracoon.netstack.app.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the records as an RFC 1035 master file in class HS. The output depends only on the input (no dates, no
 * paths), so the same accounts always give the same bytes.
 *
 * <pre>
 * ; Hesiod zone ns.example.org. written by netstack hesiod generate: 2 accounts, 1 groups
 * $ORIGIN ns.example.org.
 * $TTL 300
 * @  HS  SOA  ns1.example.org. hostmaster.example.org. 1 3600 900 604800 300
 * @  HS  NS   ns1.example.org.
 * ; passwd
 * jdoe.passwd  HS  TXT  "jdoe:*:1001:1001:Jane Doe:/home/jdoe:/bin/bash"
 * ; uid
 * 1001.uid  HS  CNAME  jdoe.passwd
 * </pre>
 *
 * TXT payloads are quoted with {@code \"}, {@code \\} and {@code \DDD} (bytes outside printable ASCII) escapes and split
 * into character-strings of at most 255 bytes, which Hesiod clients concatenate.
 */
public final class ZoneFileWriter {
    private static final String[] SECTIONS = {"passwd", "uid", "group", "gid", "grplist", "filsys", "pobox"};
    static final int MAX_STRING = 255;

    private ZoneFileWriter() {
    }

    public static void write(Writer out, ZoneParameters zone, List<ZoneRecord> records, String summary)
            throws IOException {
        out.write("; Hesiod zone " + zone.origin() + " written by netstack hesiod generate: " + summary + "\n");
        out.write("$ORIGIN " + zone.origin() + "\n");
        out.write("$TTL " + zone.ttl() + "\n");
        out.write("@\tHS\tSOA\t" + zone.nameServers().get(0) + " " + zone.hostmaster() + " " + zone.serial() + " "
                + ZoneParameters.REFRESH + " " + ZoneParameters.RETRY + " " + ZoneParameters.EXPIRE + " " + zone.ttl()
                + "\n");
        for (var ns : zone.nameServers()) {
            out.write("@\tHS\tNS\t" + ns + "\n");
        }
        int section = -1;
        StringBuilder line = new StringBuilder(256);
        for (ZoneRecord r : records) {
            if (r.section() != section) {
                section = r.section();
                out.write("; " + SECTIONS[section] + "\n");
            }
            line.setLength(0);
            line.append(r.owner()).append("\tHS\t").append(r.type()).append('\t');
            if (r.type().equals("TXT")) {
                appendTxt(line, r.data());
            } else {
                line.append(r.data());
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** One or more quoted character-strings holding the UTF-8 bytes of {@code payload}. */
    static void appendTxt(StringBuilder line, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        line.append('"');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0 && i % MAX_STRING == 0) {
                line.append("\" \"");
            }
            int b = bytes[i] & 0xFF;
            if (b == '"' || b == '\\') {
                line.append('\\').append((char) b);
            } else if (b < 0x20 || b > 0x7E) {
                line.append('\\').append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10))
                        .append((char) ('0' + b % 10));
            } else {
                line.append((char) b);
            }
        }
        line.append('"');
    }
}
