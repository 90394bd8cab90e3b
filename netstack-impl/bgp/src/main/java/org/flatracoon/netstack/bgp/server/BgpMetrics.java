package org.flatracoon.netstack.bgp.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;

/**
 * The speaker's Prometheus metrics. Label values come from the configuration (neighbour addresses) and small
 * fixed sets (message types, error codes), so a hostile peer cannot create unbounded series.
 */
public final class BgpMetrics {
    private final PrometheusRegistry registry;
    private final Counter messages;
    private final Counter notifications;
    private final Counter updateErrors;

    public BgpMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        messages = Counter.builder().name("bgp_messages_total")
                .help("BGP messages by neighbor, direction (in, out) and type")
                .labelNames("neighbor", "direction", "type").withoutExemplars().register(registry);
        notifications = Counter.builder().name("bgp_notifications_total")
                .help("NOTIFICATIONs by neighbor, direction (in, out), error code and subcode")
                .labelNames("neighbor", "direction", "code", "subcode").withoutExemplars().register(registry);
        updateErrors = Counter.builder().name("bgp_update_errors_total")
                .help("Erroneous UPDATEs by neighbor and RFC 7606 action (treat-as-withdraw, attribute-discard, session-reset)")
                .labelNames("neighbor", "action").withoutExemplars().register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    void message(String neighbor, String direction, int type) {
        String t = type >= Messages.OPEN && type <= Messages.ROUTE_REFRESH ? Messages.typeName(type) : "other";
        messages.labelValues(neighbor, direction, t).inc();
    }

    void notification(String neighbor, String direction, Notification n) {
        notifications.labelValues(neighbor, direction, String.valueOf(Math.min(n.code(), 99)),
                String.valueOf(Math.min(n.subcode(), 99))).inc();
    }

    void updateError(String neighbor, String action) {
        updateErrors.labelValues(neighbor, action).inc();
    }

    /** For tests: a counter's value. */
    public double updateErrors(String neighbor, String action) {
        return updateErrors.labelValues(neighbor, action).get();
    }

    /** Gauges read when scraped, from a snapshot taken on the event loop. */
    void gauges(Supplier<StatusSnapshot> snapshot) {
        GaugeWithCallback.builder().name("bgp_neighbor_established").help("1 if the session is Established")
                .labelNames("neighbor")
                .callback(cb -> snapshot.get().neighbors().forEach(n -> cb.call(n.established() ? 1 : 0, n.address())))
                .register(registry);
        GaugeWithCallback.builder().name("bgp_neighbor_prefixes")
                .help("Prefixes per neighbor: received (Adj-RIB-In), accepted (after import policy), advertised")
                .labelNames("neighbor", "direction")
                .callback(cb -> snapshot.get().neighbors().forEach(n -> {
                    cb.call(n.received(), n.address(), "received");
                    cb.call(n.accepted(), n.address(), "accepted");
                    cb.call(n.advertised(), n.address(), "advertised");
                })).register(registry);
        GaugeWithCallback.builder().name("bgp_loc_rib_routes").help("Best routes in the Loc-RIB").labelNames("family")
                .callback(cb -> snapshot.get().locRib().forEach((f, n) -> cb.call(n, f))).register(registry);
        GaugeWithCallback.builder().name("bgp_kernel_routes").help("Routes installed in the kernel").labelNames("family")
                .callback(cb -> snapshot.get().kernel().forEach((f, n) -> cb.call(n, f))).register(registry);
    }
}
