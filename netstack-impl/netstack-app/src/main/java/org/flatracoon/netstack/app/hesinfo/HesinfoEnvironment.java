package org.flatracoon.netstack.app.hesinfo;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where hesinfo takes its configuration from: the process environment ({@code HESIOD_CONFIG}, {@code HES_DOMAIN},
 * {@code RES_OPTIONS}), the default hesiod.conf and resolv.conf. Tests pass their own.
 */
public record HesinfoEnvironment(Map<String, String> env, Path hesiodConf, Path resolvConf) {
    public HesinfoEnvironment {
        env = Map.copyOf(env);
    }

    /** The real thing: {@code System.getenv()}, {@code /etc/hesiod.conf}, {@code /etc/resolv.conf}. */
    public static HesinfoEnvironment system() {
        return new HesinfoEnvironment(System.getenv(), HesiodConfig.DEFAULT_FILE, ResolvConf.DEFAULT_FILE);
    }
}
