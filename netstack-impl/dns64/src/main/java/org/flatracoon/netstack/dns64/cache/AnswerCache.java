package org.flatracoon.netstack.dns64.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.flatracoon.netstack.dns64.resolve.Question;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * Upstream responses kept for as long as their TTLs allow, at most {@code maxEntries} of them (least recently used
 * goes first). A response handed out has its TTLs lowered by the time it spent here, as any resolver does.
 *
 * <ul>
 *   <li>Positive answers live for the smallest TTL in ANSWER (and no longer than the negative TTL of an SOA in
 *       AUTHORITY, as after a CNAME chain that ends in NODATA).</li>
 *   <li>NXDOMAIN and NODATA live for their negative TTL, min(SOA TTL, SOA MINIMUM) (RFC 2308 §5); without an SOA they
 *       are not cached (RFC 2308 §5: SHOULD NOT).</li>
 *   <li>Other RCODEs (SERVFAIL, REFUSED, …) are not cached: the next client gets a fresh try.</li>
 *   <li>Nothing stays longer than {@code maxTtl}.</li>
 * </ul>
 */
public final class AnswerCache {
    private final InstantSource clock;
    private final int maxEntries;
    private final long maxTtl;
    private final Map<Question, Entry> entries;

    private record Entry(Response response, Instant stored, long lifetime) {
        long age(Instant now) {
            return Math.max(0, Duration.between(stored, now).getSeconds());
        }
    }

    public AnswerCache(InstantSource clock, int maxEntries, Duration maxTtl) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must be >= 0");
        }
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxTtl = maxTtl.getSeconds();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, Entry> eldest) {
                return size() > AnswerCache.this.maxEntries;
            }
        };
    }

    /** The cached response, with TTLs lowered by its age, or empty if absent or expired. */
    public synchronized Optional<Response> get(Question question) {
        Entry entry = entries.get(question);
        if (entry == null) {
            return Optional.empty();
        }
        long age = entry.age(clock.instant());
        if (age >= entry.lifetime()) {
            entries.remove(question);
            return Optional.empty();
        }
        return Optional.of(entry.response().aged(age));
    }

    public synchronized void put(Question question, Response response) {
        OptionalLong lifetime = lifetime(response);
        if (maxEntries == 0 || lifetime.isEmpty() || lifetime.getAsLong() <= 0) {
            return;
        }
        entries.put(question, new Entry(response, clock.instant(), Math.min(lifetime.getAsLong(), maxTtl)));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How long a response may be cached, or empty if it must not be. */
    static OptionalLong lifetime(Response response) {
        boolean negative = response.rcode() == Rcode.NXDOMAIN
                || (response.rcode() == Rcode.NOERROR && response.answer().isEmpty());
        if (negative) {
            return response.negativeTtl();
        }
        if (response.rcode() != Rcode.NOERROR) {
            return OptionalLong.empty();
        }
        // a CNAME chain ending without data carries an SOA too: the chain lives no longer than the NODATA
        long answerTtl = response.answer().stream().mapToLong(Record::getTTL).min().getAsLong();
        return OptionalLong.of(Math.min(answerTtl, response.negativeTtl().orElse(answerTtl)));
    }
}
