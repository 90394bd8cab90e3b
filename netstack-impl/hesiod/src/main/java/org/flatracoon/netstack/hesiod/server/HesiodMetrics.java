package org.flatracoon.netstack.hesiod.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Set;
import org.flatracoon.netstack.hesiod.query.Reply;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The server's Prometheus metrics. Label values come from fixed small sets: a hostile client choosing qtype or
 * qclass must not be able to create unbounded time series, so uncommon values are reported as {@code other}.
 */
public final class HesiodMetrics {
    private static final Set<Integer> NAMED_TYPES = Set.of(Type.A, Type.NS, Type.CNAME, Type.SOA, Type.PTR, Type.MX,
            Type.TXT, Type.AAAA, Type.SRV, Type.NAPTR, Type.OPT, Type.DS, Type.DNSKEY, Type.SVCB, Type.HTTPS,
            Type.CAA, Type.IXFR, Type.AXFR, Type.ANY);
    private static final Set<Integer> NAMED_CLASSES = Set.of(DClass.IN, DClass.CH, DClass.HS, DClass.NONE, DClass.ANY);
    private static final Set<Integer> NAMED_RCODES = Set.of(Rcode.NOERROR, Rcode.FORMERR, Rcode.SERVFAIL,
            Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED, Rcode.BADVERS);

    private final Counter queries;
    private final Counter malformed;
    private final Histogram duration;

    public HesiodMetrics(PrometheusRegistry registry) {
        queries = Counter.builder()
                .name("hesiod_queries_total")
                .help("DNS messages received, by transport, question class and type, and response code (none: dropped)")
                .labelNames("transport", "qclass", "qtype", "rcode")
                .withoutExemplars()
                .register(registry);
        malformed = Counter.builder()
                .name("hesiod_malformed_total")
                .help("Received packets that were not well-formed queries (answered FORMERR or dropped)")
                .withoutExemplars()
                .register(registry);
        duration = Histogram.builder()
                .name("hesiod_query_duration_seconds")
                .help("Time to handle one DNS message, from parsing to encoded reply")
                .classicOnly()
                .classicUpperBounds(0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.05)
                .withoutExemplars()
                .register(registry);
    }

    public void record(Transport transport, Reply reply, long nanos) {
        queries.labelValues(transport.label(), classLabel(reply.qclass()), typeLabel(reply.qtype()),
                rcodeLabel(reply)).inc();
        if (reply.malformed()) {
            malformed.inc();
        }
        duration.observe(nanos / 1e9);
    }

    /** For tests and logs. */
    public double malformedTotal() {
        return malformed.get();
    }

    static String classLabel(int dclass) {
        if (dclass == Reply.UNKNOWN) {
            return "none";
        }
        return NAMED_CLASSES.contains(dclass) ? DClass.string(dclass) : "other";
    }

    static String typeLabel(int type) {
        if (type == Reply.UNKNOWN) {
            return "none";
        }
        return NAMED_TYPES.contains(type) ? Type.string(type) : "other";
    }

    static String rcodeLabel(Reply reply) {
        if (reply.wire().isEmpty()) {
            return "none";
        }
        if (reply.rcode() == Rcode.BADVERS) {
            return "BADVERS"; // 16 is also BADSIG, which is what Rcode.string says
        }
        return NAMED_RCODES.contains(reply.rcode()) ? Rcode.string(reply.rcode()) : "other";
    }
}
