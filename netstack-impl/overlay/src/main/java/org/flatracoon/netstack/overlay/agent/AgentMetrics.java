package org.flatracoon.netstack.overlay.agent;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The agent's Prometheus metrics; data points of the hot path are looked up once. */
public final class AgentMetrics {
    final PrometheusRegistry registry = new PrometheusRegistry();
    final CounterDataPoint txBytesDirect;
    final CounterDataPoint txBytesRelay;
    final CounterDataPoint rxBytesDirect;
    final CounterDataPoint rxBytesRelay;
    final CounterDataPoint txPacketsDirect;
    final CounterDataPoint txPacketsRelay;
    final CounterDataPoint rxPacketsDirect;
    final CounterDataPoint rxPacketsRelay;
    private final Map<Drop, CounterDataPoint> drops = new EnumMap<>(Drop.class);
    private final Counter configRequests;
    final CounterDataPoint probeFailures;
    final CounterDataPoint relayed;
    final CounterDataPoint relayDropped;

    AgentMetrics(Supplier<Map<String, Integer>> peersByPath, Supplier<Long> revision) {
        Counter txBytes = counter("overlay_tx_bytes_total", "Bytes of sealed packets sent to peers, by path");
        Counter rxBytes = counter("overlay_rx_bytes_total", "Bytes of authenticated packets received, by path");
        Counter txPackets = counter("overlay_tx_packets_total", "Sealed packets sent to peers, by path");
        Counter rxPackets = counter("overlay_rx_packets_total", "Authenticated packets received, by path");
        txBytesDirect = txBytes.labelValues("direct");
        txBytesRelay = txBytes.labelValues("relay");
        rxBytesDirect = rxBytes.labelValues("direct");
        rxBytesRelay = rxBytes.labelValues("relay");
        txPacketsDirect = txPackets.labelValues("direct");
        txPacketsRelay = txPackets.labelValues("relay");
        rxPacketsDirect = rxPackets.labelValues("direct");
        rxPacketsRelay = rxPackets.labelValues("relay");
        Counter dropCounter = Counter.builder().name("overlay_drops_total")
                .help("Packets and frames dropped, by reason").labelNames("reason").withoutExemplars()
                .register(registry);
        for (Drop d : Drop.values()) {
            drops.put(d, dropCounter.labelValues(d.label()));
        }
        probeFailures = Counter.builder().name("overlay_probe_failures_total")
                .help("Direct-path probes the kernel refused to send (e.g. no route to an endpoint a peer announced)")
                .withoutExemplars().register(registry).labelValues();
        Counter relay = Counter.builder().name("overlay_relay_packets_total")
                .help("As a designated root: packets received for another member, by result (forwarded, dropped)")
                .labelNames("result").withoutExemplars().register(registry);
        relayed = relay.labelValues("forwarded");
        relayDropped = relay.labelValues("dropped");
        configRequests = Counter.builder().name("overlay_config_requests_total")
                .help("Config requests to the controller, by result (ok, access_denied, not_found, unreachable, invalid)")
                .labelNames("result").withoutExemplars().register(registry);
        GaugeWithCallback.builder().name("overlay_peers").help("Peers by current path (direct, relay, none)")
                .labelNames("path").callback(cb -> peersByPath.get().forEach((path, n) -> cb.call(n, path)))
                .register(registry);
        GaugeWithCallback.builder().name("overlay_config_revision").help("Revision of the network config in force")
                .callback(cb -> cb.call(revision.get())).register(registry);
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("path").withoutExemplars().register(registry);
    }

    void drop(Drop reason) {
        drops.get(reason).inc();
    }

    public double drops(Drop reason) {
        return drops.get(reason).get();
    }

    void configRequest(String result) {
        configRequests.labelValues(result).inc();
    }

    public double relayed() {
        return relayed.get();
    }

    public double rxPackets(boolean direct) {
        return (direct ? rxPacketsDirect : rxPacketsRelay).get();
    }

    public double txPackets(boolean direct) {
        return (direct ? txPacketsDirect : txPacketsRelay).get();
    }

    public PrometheusRegistry registry() {
        return registry;
    }
}
