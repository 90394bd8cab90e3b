package org.flatracoon.netstack.overlay.controller;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The controller's and relay's Prometheus metrics. */
final class ControllerMetrics {
    final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter configRequests;
    final CounterDataPoint relayed;
    final CounterDataPoint relayDropped;
    final CounterDataPoint relayBytes;

    ControllerMetrics(Controller controller) {
        configRequests = Counter.builder().name("overlay_controller_config_requests_total")
                .help("Member config requests, by result (ok, access_denied, not_found, bad_request)")
                .labelNames("result").withoutExemplars().register(registry);
        Counter relayPackets = Counter.builder().name("overlay_relay_packets_total")
                .help("Packets the relay received for another member, by result (forwarded, dropped)")
                .labelNames("result").withoutExemplars().register(registry);
        relayed = relayPackets.labelValues("forwarded");
        relayDropped = relayPackets.labelValues("dropped");
        relayBytes = Counter.builder().name("overlay_relay_bytes_total").help("Bytes the relay forwarded")
                .withoutExemplars().register(registry).labelValues();
        GaugeWithCallback.builder().name("overlay_controller_members")
                .help("Members of all networks, by whether they are authorised").labelNames("authorized")
                .callback(cb -> controller.memberCounts().forEach((auth, n) -> cb.call(n, auth.toString())))
                .register(registry);
    }

    void configRequest(String result) {
        configRequests.labelValues(result).inc();
    }

    double configRequests(String result) {
        return configRequests.labelValues(result).get();
    }
}
