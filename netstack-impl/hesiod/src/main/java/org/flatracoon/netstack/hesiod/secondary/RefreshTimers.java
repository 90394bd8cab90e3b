package org.flatracoon.netstack.hesiod.secondary;

import java.time.Duration;
import java.util.Optional;
import org.xbill.DNS.SOARecord;

/**
 * The secondary's timers (RFC 1035 §4.3.5, RFC 1996): from the zone's SOA, never below {@link #FLOOR} (a
 * mistyped SOA must not make us hammer the primary), and never above {@code refresh-max} if configured.
 * Before the first successful transfer: 1, 2, 4 … s, at most {@link #INITIAL_MAX}.
 */
public final class RefreshTimers {
    public static final Duration FLOOR = Duration.ofSeconds(5);
    public static final Duration INITIAL_MAX = Duration.ofSeconds(60);

    private final Optional<Duration> refreshMax;

    public RefreshTimers(Optional<Duration> refreshMax) {
        this.refreshMax = refreshMax;
    }

    public Duration refresh(SOARecord soa) {
        return bound(Duration.ofSeconds(soa.getRefresh()));
    }

    public Duration retry(SOARecord soa) {
        return bound(Duration.ofSeconds(soa.getRetry()));
    }

    /** How long the zone is served without reaching the primary; not shortened by refresh-max. */
    public Duration expire(SOARecord soa) {
        Duration expire = Duration.ofSeconds(soa.getExpire());
        return expire.compareTo(FLOOR) < 0 ? FLOOR : expire;
    }

    /** Delay after the {@code failures}-th failed attempt (1-based) while we have no data. */
    public Duration initialBackoff(int failures) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(failures - 1, 0), 6));
        if (d.compareTo(INITIAL_MAX) > 0) {
            d = INITIAL_MAX;
        }
        return cap(d);
    }

    private Duration bound(Duration d) {
        return cap(d.compareTo(FLOOR) < 0 ? FLOOR : d);
    }

    private Duration cap(Duration d) {
        return refreshMax.filter(max -> max.compareTo(d) < 0).orElse(d);
    }
}
