package org.flatracoon.netstack.site.audit;

/** One thing that makes a node not IPv6-only: an IPv4 address, an IPv4 route, or an IPv4 listening socket. */
public record Finding(Kind kind, String where, String detail) {

    public enum Kind {
        ADDRESS, ROUTE, SOCKET;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind.word() + " " + where + ": " + detail;
    }
}
