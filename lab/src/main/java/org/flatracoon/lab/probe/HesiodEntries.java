package org.flatracoon.lab.probe;

import java.util.Arrays;
import java.util.List;

/**
 * The Hesiod records as a client sees them, read from the text a client printed. Deliberately
 * independent of the server's own code: the lab judges the server from outside.
 */
public final class HesiodEntries {

    private HesiodEntries() {
    }

    /** A passwd (or uid) record: name:pw:uid:gid:gecos:home:shell. */
    public record Passwd(String name, long uid, long gid, String gecos, String home, String shell) {
        public static Passwd parse(String text) {
            String[] f = fields(text, ":", 7, "passwd");
            return new Passwd(f[0], number(f[2], text), number(f[3], text), f[4], f[5], f[6]);
        }
    }

    /** A group (or gid) record: name:pw:gid:member,member. */
    public record Group(String name, long gid, List<String> members) {
        public static Group parse(String text) {
            String[] f = fields(text, ":", 4, "group");
            List<String> members = f[3].isEmpty() ? List.of() : Arrays.stream(f[3].split(",")).map(String::strip).toList();
            return new Group(f[0], number(f[2], text), members);
        }
    }

    /** A filsys record: TYPE, then the type's fields (NFS: export server mode mountpoint). */
    public record Filsys(String type, List<String> fields) {
        public static Filsys parse(String text) {
            if (text.isBlank()) {
                throw new ProbeException("not a filsys record (a type and its fields expected, got nothing): '" + text + "'");
            }
            String[] words = text.strip().split("\\s+");
            return new Filsys(words[0], List.of(Arrays.copyOfRange(words, 1, words.length)));
        }
    }

    /** A pobox record: TYPE host user. */
    public record Pobox(String type, String host, String user) {
        public static Pobox parse(String text) {
            String[] f = fields(text.strip(), "\\s+", 3, "pobox");
            return new Pobox(f[0], f[1], f[2]);
        }
    }

    private static String[] fields(String text, String separator, int count, String map) {
        String[] fields = text.split(separator, -1);
        if (fields.length != count) {
            throw new ProbeException("not a " + map + " record (" + count + " fields expected, got " + fields.length
                    + "): " + text);
        }
        return fields;
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new ProbeException("'" + field + "' is not a number in: " + text);
        }
    }
}
