package org.flatracoon.netstack.dns64.server;

/** How a message arrived; decides the size limit of the answer. */
public enum Transport {
    UDP,
    TCP;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
