package org.flatracoon.netstack.hesiod.zone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TTL;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;

/**
 * Reads an RFC 1035 master file entry by entry with dnsjava's {@link Tokenizer} and {@link Record#fromString},
 * following the same rules as dnsjava's {@code Master} ($ORIGIN, $TTL, omitted owner/TTL/class, SOA without TTL),
 * but keeping each record's line and carrying on after a bad entry. $INCLUDE and $GENERATE are refused: a zone is
 * one self-contained file here, which keeps line numbers meaningful.
 *
 * <p>The text is handled as ISO-8859-1 so that every byte passes through unchanged to dnsjava.
 */
final class ZoneFileReader {

    /** dnsjava prefixes tokenizer errors with {@code <file>:<line>: }; the line is relative to the entry we fed it. */
    private static final Pattern TOKENIZER_PREFIX = Pattern.compile("^[^:]*:(\\d+): (.*)$", Pattern.DOTALL);

    record Result(List<SourcedRecord> records, List<ZoneProblem> problems) {
    }

    private final String source;
    private final List<SourcedRecord> records = new ArrayList<>();
    private final List<ZoneProblem> problems = new ArrayList<>();
    private Name origin;
    private long defaultTtl = -1;
    private Record last;

    private ZoneFileReader(String source, Name origin) {
        this.source = source;
        this.origin = origin;
    }

    /**
     * @param source  the file name used in messages
     * @param content the raw file bytes
     * @param origin  the initial origin for relative names, or null if the file must set $ORIGIN itself
     */
    static Result read(String source, byte[] content, Name origin) {
        return new ZoneFileReader(source, origin).readAll(new String(content, StandardCharsets.ISO_8859_1));
    }

    private Result readAll(String text) {
        ZoneFileSplitter.Result split = ZoneFileSplitter.split(text);
        List<ZoneFileEntry> entries = split.entries();
        for (int i = 0; i < entries.size(); i++) {
            ZoneFileEntry entry = entries.get(i);
            boolean swallowsRestOfFile = split.unclosedParenLine() > 0 && i == entries.size() - 1;
            if (swallowsRestOfFile) {
                problems.add(new ZoneProblem(source, split.unclosedParenLine(), "'(' is never closed"));
            } else {
                readEntry(entry);
            }
        }
        return new Result(List.copyOf(records), List.copyOf(problems));
    }

    private void readEntry(ZoneFileEntry entry) {
        byte[] bytes = entry.text().getBytes(StandardCharsets.ISO_8859_1);
        try (Tokenizer st = new Tokenizer(new ByteArrayInputStream(bytes))) {
            Record record = parseEntry(st, entry);
            if (record != null) {
                records.add(new SourcedRecord(record, entry.line()));
                last = record;
            }
        } catch (TextParseException e) {
            problems.add(fromTokenizerMessage(entry, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // dnsjava signals some bad input with unchecked exceptions (e.g. RelativeNameException)
            problems.add(new ZoneProblem(source, entry.line(), String.valueOf(e.getMessage())));
        }
    }

    /** Returns the record of a record entry, or null for a directive. */
    private Record parseEntry(Tokenizer st, ZoneFileEntry entry) throws IOException {
        Name owner;
        if (entry.ownerOmitted()) {
            if (last == null) {
                throw new TextParseException("the first record has no owner name");
            }
            owner = last.getName();
        } else {
            String first = st.getString();
            if (first.startsWith("$")) {
                directive(first, st);
                return null;
            }
            owner = absolute(Name.fromString(first, origin), first);
        }
        return parseRecord(st, owner);
    }

    private void directive(String name, Tokenizer st) throws IOException {
        switch (name.toUpperCase(Locale.ROOT)) {
            case "$ORIGIN":
                origin = st.getName(Name.root);
                st.getEOL();
                break;
            case "$TTL":
                defaultTtl = st.getTTL();
                st.getEOL();
                break;
            case "$INCLUDE":
            case "$GENERATE":
                throw new TextParseException(name + " is not supported: keep the zone in one file");
            default:
                throw new TextParseException("unknown directive " + name);
        }
    }

    /** RFC 1035 allows "[ttl] [class] type" and "[class] [ttl] type"; the logic mirrors dnsjava's Master. */
    private Record parseRecord(Tokenizer st, Name owner) throws IOException {
        String s = st.getString();
        int dclass = DClass.value(s);
        boolean seenClass = dclass >= 0;
        if (seenClass) {
            s = st.getString();
        }
        long ttl;
        try {
            ttl = TTL.parseTTL(s);
            s = st.getString();
        } catch (NumberFormatException notATtl) {
            ttl = defaultTtl >= 0 ? defaultTtl : last != null ? last.getTTL() : -1;
        }
        if (!seenClass) {
            dclass = DClass.value(s);
            if (dclass >= 0) {
                s = st.getString();
            } else {
                dclass = DClass.IN;
            }
        }
        int type = Type.value(s);
        if (type < 0) {
            throw st.exception("invalid type '" + s + "'");
        }
        boolean soaWithoutTtl = ttl < 0 && type == Type.SOA;
        if (ttl < 0 && !soaWithoutTtl) {
            throw st.exception("missing TTL (no $TTL and no previous record)");
        }
        Record record = Record.fromString(owner, type, dclass, soaWithoutTtl ? 0 : ttl, st, origin);
        if (soaWithoutTtl) {
            // as BIND does: the SOA minimum becomes its TTL and the default for what follows
            SOARecord soa = (SOARecord) record;
            defaultTtl = soa.getMinimum();
            record = new SOARecord(owner, dclass, soa.getMinimum(), soa.getHost(), soa.getAdmin(), soa.getSerial(),
                    soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
        }
        return record;
    }

    private Name absolute(Name name, String text) throws TextParseException {
        if (!name.isAbsolute()) {
            throw new TextParseException("owner name '" + text + "' is relative and no $ORIGIN is set");
        }
        return name;
    }

    private ZoneProblem fromTokenizerMessage(ZoneFileEntry entry, String message) {
        Matcher m = TOKENIZER_PREFIX.matcher(message == null ? "" : message);
        if (m.matches()) {
            // the tokenizer may already have counted the entry's final newline: stay on the entry's last line
            int linesInEntry = (int) entry.text().chars().filter(c -> c == '\n').count();
            int lineInEntry = Math.min(Integer.parseInt(m.group(1)), Math.max(1, linesInEntry));
            return new ZoneProblem(source, entry.line() + lineInEntry - 1, m.group(2));
        }
        return new ZoneProblem(source, entry.line(), String.valueOf(message));
    }
}
