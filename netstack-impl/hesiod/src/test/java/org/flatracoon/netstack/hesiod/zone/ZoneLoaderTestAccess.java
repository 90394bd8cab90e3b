package org.flatracoon.netstack.hesiod.zone;

import java.nio.file.Path;

/** Shared test fixtures for tests in other packages. */
public final class ZoneLoaderTestAccess {
    /** A minimal valid zone head (SOA and NS of ns.example.org.), lines 1 to 4. */
    public static final String HEAD = ZoneLoaderTest.HEAD;

    private ZoneLoaderTestAccess() {
    }

    /** The path of src/test/resources/hesiod.zone. */
    public static Path fixture() {
        return ZoneLoaderTest.fixture();
    }
}
