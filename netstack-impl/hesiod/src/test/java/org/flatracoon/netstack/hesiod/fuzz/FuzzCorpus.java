package org.flatracoon.netstack.hesiod.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The seed inputs of the fuzzer: valid queries of many shapes, the hostile corpus, and the checked-in packets. */
final class FuzzCorpus {
    /** A checked-in packet of {@code src/test/resources/fuzz/*.hex}; {@code expect} is an RCODE name or "drop". */
    record Entry(String name, byte[] bytes, Optional<String> expect) {
    }

    private static final String[] NAMES = {
        "jdoe.passwd.ns.example.org.", "1001.uid.ns.example.org.", "staff.group.ns.example.org.",
        "1001.gid.ns.example.org.", "jdoe.grplist.ns.example.org.", "mirrors.sloc.ns.example.org.",
        "nobody.passwd.ns.example.org.", "passwd.ns.example.org.", "ns.example.org.", "web.svc.service.ns.example.org.",
        "JDOE.PASSWD.NS.EXAMPLE.ORG.", "example.com.", "."};
    private static final int[] TYPES = {Type.TXT, Type.A, Type.ANY, Type.SOA, Type.NS, Type.CNAME, Type.AXFR, Type.IXFR};
    private static final int[] CLASSES = {DClass.IN, DClass.HS, DClass.ANY, DClass.CH};

    private FuzzCorpus() {
    }

    /** Valid queries: every name with TXT in IN and HS, and a spread of other types, classes and EDNS variants. */
    static List<byte[]> validQueries() {
        List<byte[]> queries = new ArrayList<>();
        int id = 1;
        for (String name : NAMES) {
            for (int type : TYPES) {
                for (int dclass : CLASSES) {
                    if (type != Type.TXT && dclass != DClass.HS && (id % 3) != 0) {
                        id++;
                        continue; // keep the corpus small: all TXT queries, a third of the others
                    }
                    Message m = query(name, type, dclass, id++);
                    switch (id % 5) {
                        case 0 -> m.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
                        case 1 -> m.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
                        case 2 -> m.addRecord(new OPTRecord(512, 0, 1), Section.ADDITIONAL); // EDNS version 1: BADVERS
                        default -> { } // no EDNS, like libhesiod
                    }
                    queries.add(m.toWire());
                }
            }
        }
        return queries;
    }

    private static Message query(String name, int type, int dclass, int id) {
        try {
            Message m = new Message(id & 0xFFFF);
            m.getHeader().setFlag(Flags.RD);
            m.addRecord(Record.newRecord(Name.fromString(name), type, dclass), Section.QUESTION);
            return m;
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<byte[]> malformed(long seed) {
        return new MalformedQueries(seed).take(2 * MalformedQueries.Kind.values().length).stream()
                .map(MalformedQueries.Packet::bytes).toList();
    }

    /** The packets in {@code src/test/resources/fuzz/}, sorted by file name. */
    static List<Entry> regressionPackets() {
        URL dir = FuzzCorpus.class.getResource("/fuzz");
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(f -> f.toString().endsWith(".hex")).sorted().map(FuzzCorpus::readHex).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hex bytes with blanks and newlines; '#' starts a comment; a {@code # expect: RCODE} line gives the outcome. */
    static Entry readHex(Path file) {
        try {
            StringBuilder hex = new StringBuilder();
            Optional<String> expect = Optional.empty();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    String comment = line.substring(hash + 1).strip();
                    if (comment.startsWith("expect:")) {
                        expect = Optional.of(comment.substring(7).strip());
                    }
                    line = line.substring(0, hash);
                }
                hex.append(line.replaceAll("\\s", ""));
            }
            return new Entry(file.getFileName().toString(), HexFormat.of().parseHex(hex), expect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex of a packet, 32 bytes a line, for failure messages and new corpus files. */
    static String toHex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 32) {
            sb.append(HexFormat.ofDelimiter(" ").formatHex(bytes, i, Math.min(bytes.length, i + 32))).append('\n');
        }
        return sb.toString();
    }
}
