package org.flatracoon.netstack.app.hesinfo;

/**
 * A libhesiod failure, named after the errno the C library sets, so hesinfo can print what the classic tool prints.
 */
public final class HesiodException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The errno values libhesiod 3.2.1 sets, with glibc's strerror() text. */
    public enum Errno {
        /** No TXT record (NXDOMAIN, NODATA, or an unknown rhs-extension). */
        ENOENT("No such file or directory"),
        /** Name too long, or not encodable as a DNS name. */
        EMSGSIZE("Message too long"),
        /** The IDNA conversion failed (e.g. a label longer than 63 characters). */
        EINVAL("Invalid argument"),
        /** No usable answer from any name server (timeouts, SERVFAIL, REFUSED, NOTIMP, network errors). */
        ECONNREFUSED("Connection refused");

        private final String strerror;

        Errno(String strerror) {
            this.strerror = strerror;
        }

        public String strerror() {
            return strerror;
        }
    }

    private final Errno errno;

    public HesiodException(Errno errno, String detail) {
        super(detail);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
