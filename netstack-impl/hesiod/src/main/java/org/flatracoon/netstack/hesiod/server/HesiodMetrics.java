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
            Rcode.NXDOMAIN, Rcode.NOTIMP, Rcode.REFUSED, Rcode.BADVERS, Rcode.YXDOMAIN, Rcode.YXRRSET, Rcode.NXRRSET,
            Rcode.NOTAUTH, Rcode.NOTZONE);

    private final Counter queries;
    private final Counter malformed;
    private final Histogram duration;
    private final Counter transfers;
    private final Counter updates;
    private final Counter notifiesSent;
    private final Counter tsigFailures;
    private final Counter transfersIn;
    private final Counter reloads;

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
        transfers = Counter.builder()
                .name("hesiod_transfers_total")
                .help("Outgoing zone transfer requests, by type (AXFR, IXFR) and result (the response code)")
                .labelNames("type", "result")
                .withoutExemplars()
                .register(registry);
        updates = Counter.builder()
                .name("hesiod_updates_total")
                .help("Dynamic updates received, by result (the response code)")
                .labelNames("result")
                .withoutExemplars()
                .register(registry);
        notifiesSent = Counter.builder()
                .name("hesiod_notifies_sent_total")
                .help("NOTIFY messages sent to secondaries, by result (acknowledged, rejected, unanswered)")
                .labelNames("result")
                .withoutExemplars()
                .register(registry);
        tsigFailures = Counter.builder()
                .name("hesiod_tsig_failures_total")
                .help("Received messages whose TSIG failed, by TSIG error (BADKEY, BADSIG, BADTIME, …)")
                .labelNames("error")
                .withoutExemplars()
                .register(registry);
        transfersIn = Counter.builder()
                .name("hesiod_transfers_in_total")
                .help("Zone transfers of our secondary zones, by type (what the primary sent: AXFR, IXFR) and result"
                        + " (applied, uptodate, rejected: invalid data, failed: network, refusal, TSIG)")
                .labelNames("type", "result")
                .withoutExemplars()
                .register(registry);
        reloads = Counter.builder()
                .name("hesiod_reloads_total")
                .help("Zone file reloads (POST /reload, SIGHUP), per primary zone, by result (reloaded, unchanged,"
                        + " failed)")
                .labelNames("result")
                .withoutExemplars()
                .register(registry);
    }

    void transferIn(String type, String result) {
        transfersIn.labelValues(type, result).inc();
    }

    void reload(String result) {
        reloads.labelValues(result).inc();
    }

    /** For tests: a counter's value, 0 if never incremented. */
    public double transfersIn(String type, String result) {
        return transfersIn.labelValues(type, result).get();
    }

    public double reloads(String result) {
        return reloads.labelValues(result).get();
    }

    /** One message that did not go through the query handler (transfer, update, NOTIFY, TSIG error). */
    void record(Transport transport, int qclass, int qtype, int rcode, long nanos) {
        queries.labelValues(transport.label(), classLabel(qclass), typeLabel(qtype), rcodeLabel(rcode)).inc();
        duration.observe(nanos / 1e9);
    }

    void transfer(int type, int rcode) {
        transfers.labelValues(Type.string(type), rcodeLabel(rcode)).inc();
    }

    void update(int rcode) {
        updates.labelValues(rcodeLabel(rcode)).inc();
    }

    void notifySent(String result) {
        notifiesSent.labelValues(result).inc();
    }

    void tsigFailure(String error) {
        tsigFailures.labelValues(error).inc();
    }

    /** For tests: a counter's value, 0 if never incremented. */
    public double transfers(String type, String result) {
        return transfers.labelValues(type, result).get();
    }

    public double updates(String result) {
        return updates.labelValues(result).get();
    }

    public double notifiesSent(String result) {
        return notifiesSent.labelValues(result).get();
    }

    public double tsigFailures(String error) {
        return tsigFailures.labelValues(error).get();
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
        return rcodeLabel(reply.rcode());
    }

    static String rcodeLabel(int rcode) {
        if (rcode == Rcode.BADVERS) {
            return "BADVERS"; // 16 is also BADSIG, which is what Rcode.string says
        }
        return NAMED_RCODES.contains(rcode) ? Rcode.string(rcode) : "other";
    }
}
