package org.flatracoon.netstack.dns64.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.util.Set;
import org.flatracoon.netstack.dns64.cache.CachingUpstream;
import org.flatracoon.netstack.dns64.resolve.Outcome;
import org.flatracoon.netstack.dns64.upstream.DnsUpstream;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The server's Prometheus metrics. Label values come from small fixed sets (uncommon query types and RCODEs are
 * {@code other}), so a hostile client cannot create unbounded time series.
 */
public final class Dns64Metrics implements CachingUpstream.Listener, DnsUpstream.Listener {
    private static final Set<Integer> NAMED_TYPES = Set.of(Type.A, Type.AAAA, Type.PTR, Type.CNAME, Type.NS, Type.SOA,
            Type.MX, Type.TXT, Type.SRV, Type.SVCB, Type.HTTPS, Type.DS, Type.DNSKEY, Type.CAA, Type.NAPTR, Type.ANY,
            Type.AXFR, Type.IXFR);
    private static final Set<Integer> NAMED_RCODES = Set.of(Rcode.NOERROR, Rcode.FORMERR, Rcode.SERVFAIL,
            Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED, Rcode.BADVERS);

    private final Counter queries;
    private final Counter synthesized;
    private final Counter malformed;
    private final Histogram duration;
    private final Counter cache;
    private final Counter upstreamAnswers;
    private final Counter upstreamErrors;
    private final Histogram upstreamDuration;

    public Dns64Metrics(PrometheusRegistry registry) {
        queries = Counter.builder().name("dns64_queries_total")
                .help("DNS messages received, by transport, query type and response code (none: dropped)")
                .labelNames("transport", "qtype", "rcode").withoutExemplars().register(registry);
        synthesized = Counter.builder().name("dns64_synthesized_total")
                .help("Answers we made rather than passed on: aaaa (RFC 6147 §5.1), ptr (§5.3.1), ipv4only (RFC 8880)")
                .labelNames("kind").withoutExemplars().register(registry);
        malformed = Counter.builder().name("dns64_malformed_total")
                .help("Received packets that were not well-formed queries (answered FORMERR or dropped)")
                .withoutExemplars().register(registry);
        duration = Histogram.builder().name("dns64_query_duration_seconds")
                .help("Time to answer one DNS message, upstream round trips included")
                .classicOnly().classicUpperBounds(0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5)
                .withoutExemplars().register(registry);
        cache = Counter.builder().name("dns64_cache_lookups_total")
                .help("Answer cache lookups, by result (hit, miss)")
                .labelNames("result").withoutExemplars().register(registry);
        upstreamAnswers = Counter.builder().name("dns64_upstream_responses_total")
                .help("Responses from upstream resolvers, by response code")
                .labelNames("rcode").withoutExemplars().register(registry);
        upstreamErrors = Counter.builder().name("dns64_upstream_errors_total")
                .help("Upstream exchanges without a response, by reason (timeout, io)")
                .labelNames("reason").withoutExemplars().register(registry);
        upstreamDuration = Histogram.builder().name("dns64_upstream_duration_seconds")
                .help("Time of one exchange with an upstream resolver, answered or not")
                .classicOnly().classicUpperBounds(0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2, 5)
                .withoutExemplars().register(registry);
    }

    /** One received message; {@code rcode} null when dropped, {@code outcome} null when not resolved. */
    void query(Transport transport, int qtype, Integer rcode, boolean wasMalformed, Outcome outcome, long nanos) {
        queries.labelValues(transport.label(), qtype < 0 ? "none" : typeLabel(qtype),
                rcode == null ? "none" : rcodeLabel(rcode)).inc();
        if (wasMalformed) {
            malformed.inc();
        }
        if (outcome == Outcome.SYNTHESIZED_AAAA) {
            synthesized.labelValues("aaaa").inc();
        } else if (outcome == Outcome.SYNTHESIZED_PTR) {
            synthesized.labelValues("ptr").inc();
        } else if (outcome == Outcome.LOCAL) {
            synthesized.labelValues("ipv4only").inc();
        }
        duration.observe(nanos / 1e9);
    }

    @Override
    public void cacheLookup(boolean hit) {
        cache.labelValues(hit ? "hit" : "miss").inc();
    }

    @Override
    public void upstreamAnswered(InetSocketAddress server, int rcode, long nanos) {
        upstreamAnswers.labelValues(rcodeLabel(rcode)).inc();
        upstreamDuration.observe(nanos / 1e9);
    }

    @Override
    public void upstreamFailed(InetSocketAddress server, String reason, long nanos) {
        upstreamErrors.labelValues(reason).inc();
        upstreamDuration.observe(nanos / 1e9);
    }

    /** For tests: counter values, 0 if never incremented. */
    public double synthesized(String kind) {
        return synthesized.labelValues(kind).get();
    }

    public double cacheLookups(String result) {
        return cache.labelValues(result).get();
    }

    public double malformedTotal() {
        return malformed.get();
    }

    public double upstreamErrors(String reason) {
        return upstreamErrors.labelValues(reason).get();
    }

    static String typeLabel(int type) {
        return NAMED_TYPES.contains(type) ? Type.string(type) : "other";
    }

    static String rcodeLabel(int rcode) {
        if (rcode == Rcode.BADVERS) {
            return "BADVERS"; // 16 is also BADSIG, which is what Rcode.string says
        }
        return NAMED_RCODES.contains(rcode) ? Rcode.string(rcode) : "other";
    }
}
