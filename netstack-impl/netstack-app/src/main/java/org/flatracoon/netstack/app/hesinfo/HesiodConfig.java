package org.flatracoon.netstack.app.hesinfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The left-hand and right-hand sides that libhesiod 3.2.1 appends to {@code <name>.<type>}, read the way its
 * {@code hesiod_init()} reads them.
 *
 * <ul>
 *   <li>The file is {@code $HESIOD_CONFIG}, else {@code /etc/hesiod.conf}. If it cannot be read, the compiled-in
 *       defaults {@code lhs=.ns}, {@code rhs=.athena.mit.edu} apply.</li>
 *   <li>Lines starting with {@code #} or empty are skipped; otherwise {@code key = value} or {@code key value}; only
 *       {@code lhs} and {@code rhs} (any case) are read, the last one wins; everything else ({@code classes=}) is
 *       ignored, as in libhesiod.</li>
 *   <li>A file without {@code rhs} is invalid.</li>
 *   <li>{@code $HES_DOMAIN} replaces the rhs, with one leading dot added (an existing one is not doubled).</li>
 * </ul>
 *
 * @param lhs the left-hand side including its leading dot, or null when the file has none
 * @param rhs the right-hand side (the default Hesiod domain), normally with a leading dot
 */
public record HesiodConfig(String lhs, String rhs) {
    public static final Path DEFAULT_FILE = Path.of("/etc/hesiod.conf");
    static final String DEFAULT_LHS = ".ns";
    static final String DEFAULT_RHS = ".athena.mit.edu";

    /** The file names no rhs: libhesiod sets ENOEXEC, hesinfo says "Invalid Hesiod configuration file." */
    public static final class InvalidConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidConfigException(String message) {
            super(message);
        }
    }

    /** Reads the configuration as libhesiod does, from {@code $HESIOD_CONFIG} or {@code defaultFile}. */
    public static HesiodConfig load(Map<String, String> env, Path defaultFile) throws InvalidConfigException {
        String configured = env.get("HESIOD_CONFIG");
        Path file = configured != null ? Path.of(configured) : defaultFile;
        HesiodConfig config;
        try {
            config = parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // libhesiod: whenever fopen() fails, the compiled-in defaults apply
            config = new HesiodConfig(DEFAULT_LHS, DEFAULT_RHS);
        }
        String domain = env.get("HES_DOMAIN");
        if (domain != null) {
            config = new HesiodConfig(config.lhs(), "." + (domain.startsWith(".") ? domain.substring(1) : domain));
        }
        return config;
    }

    /** Parses the content of a hesiod.conf. */
    public static HesiodConfig parse(String content) throws InvalidConfigException {
        String lhs = null;
        String rhs = null;
        for (String line : content.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("\r")) {
                continue;
            }
            int p = 0;
            while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t')) {
                p++;
            }
            int keyStart = p;
            while (p < line.length() && line.charAt(p) != ' ' && line.charAt(p) != '\t' && line.charAt(p) != '=') {
                p++;
            }
            String key = line.substring(keyStart, p).toLowerCase(Locale.ROOT);
            p++; // libhesiod overwrites the separator
            while (p < line.length() && (Character.isWhitespace(line.charAt(p)) || line.charAt(p) == '=')) {
                p++;
            }
            int dataStart = Math.min(p, line.length());
            while (p < line.length() && !Character.isWhitespace(line.charAt(p))) {
                p++;
            }
            String data = line.substring(dataStart, Math.min(p, line.length()));
            if (key.equals("lhs")) {
                lhs = data;
            } else if (key.equals("rhs")) {
                rhs = data;
            }
        }
        if (rhs == null) {
            throw new InvalidConfigException("no rhs");
        }
        return new HesiodConfig(lhs, rhs);
    }
}
