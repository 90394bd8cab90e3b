package org.flatracoon.netstack.app.hesinfo;

import java.io.PrintWriter;
import java.util.List;
import org.flatracoon.netstack.app.hesinfo.HesiodException.Errno;

/**
 * The body of hesiod 3.2.1's {@code hesinfo.c}, line for line: what goes to stdout, what goes to stderr, exit codes.
 *
 * <pre>
 * $ hesinfo jdoe passwd                 $ hesinfo -bl jdoe passwd
 * jdoe:*:1001:1001:Jane Doe:/home/...   hes_to_bind(jdoe, passwd) expands to
 *                                       jdoe.passwd.ns.example.org
 * $ hesinfo nobody passwd               which resolves to
 * hesiod_resolve: Hesiod name not found.   (stderr, exit 1)
 * </pre>
 */
public final class Hesinfo {
    /** Exit code of a usage error: hesinfo.c returns 2. */
    public static final int USAGE_EXIT = 2;

    /** The classic usage text, on stderr. */
    public static final List<String> USAGE = List.of(
            "Usage: hesinfo [-bl] name type",
            "\t-l selects long format",
            "\t-b also does hes_to_bind conversion");

    private Hesinfo() {
    }

    public static void printUsage(PrintWriter err) {
        USAGE.forEach(err::println);
    }

    /**
     * Runs one lookup.
     *
     * @param resolver configured resolver, or null if hesiod_init failed (the configuration has no rhs)
     */
    public static int run(HesiodResolver resolver, boolean bindName, boolean longFormat, String name, String type,
                          PrintWriter out, PrintWriter err) {
        if (resolver == null) {
            // hesinfo.c prints this and carries on with an unusable context; we stop here
            err.println("hesiod_init: Invalid Hesiod configuration file.");
            return 1;
        }
        if (bindName) {
            if (longFormat) {
                out.println("hes_to_bind(" + name + ", " + type + ") expands to");
            }
            String bind;
            try {
                bind = resolver.toBind(name, type);
            } catch (HesiodException e) {
                if (longFormat) {
                    out.println("nothing");
                }
                err.println(e.errno() == Errno.ENOENT ? "hesiod_to_bind: Unknown rhs-extension."
                        : "hesiod_to_bind: " + e.errno().strerror());
                return 1;
            }
            out.println(bind);
            if (longFormat) {
                out.print("which ");
            }
        }
        if (longFormat) {
            out.println("resolves to");
        }
        List<String> records;
        try {
            records = resolver.resolve(name, type);
        } catch (HesiodException e) {
            if (longFormat) {
                out.println("nothing");
            }
            err.println(e.errno() == Errno.ENOENT ? "hesiod_resolve: Hesiod name not found."
                    : "hesiod_resolve: " + e.errno().strerror());
            return 1;
        }
        records.forEach(out::println);
        return 0;
    }
}
