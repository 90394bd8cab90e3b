package org.flatracoon.netstack.hesiod.query;

/** How a query arrived; it decides how large the reply may be. */
public enum Transport {
    UDP, TCP;

    /** Lower-case, for metric labels and logs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
