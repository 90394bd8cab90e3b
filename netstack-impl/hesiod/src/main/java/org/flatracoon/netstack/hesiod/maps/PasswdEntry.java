package org.flatracoon.netstack.hesiod.maps;

/**
 * A {@code passwd} (and {@code uid}) map entry: {@code name:pw:uid:gid:gecos:home:shell}.
 *
 * <p>Unlike the original module, a ':' inside a field is an error rather than a silent field shift:
 * the format has no escaping, so such a value cannot be served correctly.
 */
public record PasswdEntry(String name, String password, long uid, long gid, String gecos, String home, String shell)
        implements HesiodEntry {

    private static final int FIELDS = 7;

    public PasswdEntry {
        Fields.requireNonEmpty(name, "user name");
        Fields.requireWithout(name, ":", "user name");
        Fields.requireWithout(password, ":", "password");
        Fields.checkUnsigned32(uid, "uid");
        Fields.checkUnsigned32(gid, "gid");
        Fields.requireWithout(gecos, ":", "gecos");
        Fields.requireWithout(home, ":", "home");
        Fields.requireWithout(shell, ":", "shell");
    }

    public static PasswdEntry parse(String txt) {
        String[] f = Fields.splitExactly(txt, ':', FIELDS);
        return new PasswdEntry(f[0], f[1], Fields.unsigned32(f[2], "uid"), Fields.unsigned32(f[3], "gid"), f[4], f[5], f[6]);
    }

    @Override
    public String format() {
        return String.join(":", name, password, Long.toString(uid), Long.toString(gid), gecos, home, shell);
    }
}
