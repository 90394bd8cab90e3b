package org.flatracoon.lab.probe.bgp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Output captured from the real daemons in a bgp-triangle lab (src/test/resources/probe/bgp). */
final class Captured {

    private Captured() {
    }

    static String read(String name) {
        try (InputStream in = Captured.class.getResourceAsStream("/probe/bgp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no captured output " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
