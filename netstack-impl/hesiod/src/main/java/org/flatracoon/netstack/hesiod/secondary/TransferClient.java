package org.flatracoon.netstack.hesiod.secondary;

import java.io.IOException;
import java.util.OptionalLong;

/** Talks to the primary of one zone. */
public interface TransferClient {
    /** The primary's SOA serial for the zone. */
    long soaSerial() throws IOException;

    /**
     * IXFR from {@code serial} if present (the primary may answer with the whole zone; an IXFR that fails is
     * retried as AXFR), else AXFR.
     */
    Transfer transfer(OptionalLong serial) throws IOException;
}
