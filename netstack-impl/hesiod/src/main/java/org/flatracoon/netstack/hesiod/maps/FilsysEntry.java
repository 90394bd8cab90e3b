package org.flatracoon.netstack.hesiod.maps;

import java.util.List;
import java.util.Locale;

/**
 * A {@code filsys} map entry in the Athena layout {@code TYPE path [server] mode mountpoint}, whitespace separated.
 * The type decides which fields follow, so each type is its own record. Types are read case-insensitively and
 * written in upper case, as Athena and autofs-hesiod use them.
 */
public sealed interface FilsysEntry extends HesiodEntry
        permits FilsysEntry.Nfs, FilsysEntry.Afs, FilsysEntry.Ufs, FilsysEntry.Err, FilsysEntry.Mul {

    /** {@code NFS /export/home/jdoe fs1.example.org w /home/jdoe} */
    record Nfs(String exportPath, String server, String mode, String mountPoint) implements FilsysEntry {
        public Nfs {
            Fields.requireToken(exportPath, "export path");
            Fields.requireToken(server, "server");
            Fields.requireToken(mode, "mode");
            Fields.requireToken(mountPoint, "mount point");
        }

        @Override
        public String format() {
            return String.join(" ", "NFS", exportPath, server, mode, mountPoint);
        }
    }

    /** {@code AFS /afs/example.org/user/j/jdoe w /mit/jdoe} (AFS paths name their cell, so no server field). */
    record Afs(String path, String mode, String mountPoint) implements FilsysEntry {
        public Afs {
            Fields.requireToken(path, "path");
            Fields.requireToken(mode, "mode");
            Fields.requireToken(mountPoint, "mount point");
        }

        @Override
        public String format() {
            return String.join(" ", "AFS", path, mode, mountPoint);
        }
    }

    /** {@code UFS /dev/sda7 w /scratch}: a local partition. */
    record Ufs(String device, String mode, String mountPoint) implements FilsysEntry {
        public Ufs {
            Fields.requireToken(device, "device");
            Fields.requireToken(mode, "mode");
            Fields.requireToken(mountPoint, "mount point");
        }

        @Override
        public String format() {
            return String.join(" ", "UFS", device, mode, mountPoint);
        }
    }

    /** {@code ERR message…}: the locker exists but cannot be attached; the message is shown to the user. */
    record Err(String message) implements FilsysEntry {
        public Err {
            Fields.requireNonEmpty(message == null ? null : message.strip(), "ERR message");
            if (!message.equals(message.strip())) {
                throw new HesiodFormatException("ERR message must not start or end with whitespace");
            }
        }

        @Override
        public String format() {
            return "ERR " + message;
        }
    }

    /** {@code MUL locker locker…}: attach several other lockers. */
    record Mul(List<String> lockers) implements FilsysEntry {
        public Mul {
            lockers = List.copyOf(lockers);
            if (lockers.isEmpty()) {
                throw new HesiodFormatException("MUL needs at least one locker");
            }
            lockers.forEach(l -> Fields.requireToken(l, "locker"));
        }

        @Override
        public String format() {
            return "MUL " + String.join(" ", lockers);
        }
    }

    static FilsysEntry parse(String txt) {
        List<String> t = Fields.tokens(txt);
        if (t.isEmpty()) {
            throw new HesiodFormatException("empty filsys entry");
        }
        String type = t.get(0).toUpperCase(Locale.ROOT);
        List<String> rest = t.subList(1, t.size());
        switch (type) {
            case "NFS":
                expect(type, rest, "path server mode mountpoint");
                return new Nfs(rest.get(0), rest.get(1), rest.get(2), rest.get(3));
            case "AFS":
                expect(type, rest, "path mode mountpoint");
                return new Afs(rest.get(0), rest.get(1), rest.get(2));
            case "UFS":
                expect(type, rest, "device mode mountpoint");
                return new Ufs(rest.get(0), rest.get(1), rest.get(2));
            case "ERR":
                return new Err(txt.strip().substring(t.get(0).length()).strip());
            case "MUL":
                return new Mul(rest);
            default:
                throw new HesiodFormatException("unknown filsys type '" + t.get(0) + "' (expected NFS, AFS, UFS, ERR or MUL)");
        }
    }

    private static void expect(String type, List<String> rest, String layout) {
        int expected = layout.split(" ").length;
        if (rest.size() != expected) {
            throw new HesiodFormatException(
                    type + " expects " + expected + " fields after the type (" + layout + "), got " + rest.size());
        }
    }
}
