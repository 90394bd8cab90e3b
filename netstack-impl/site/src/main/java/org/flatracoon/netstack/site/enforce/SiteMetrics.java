package org.flatracoon.netstack.site.enforce;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import org.flatracoon.netstack.site.audit.AuditReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enforcer's Prometheus metrics, all read at scrape time from their source of truth: the drop
 * counters from nftables, Tayga's state from the supervisor, the border's own audit from the kernel.
 */
public final class SiteMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(SiteMetrics.class);

    private SiteMetrics() {
    }

    public static void register(PrometheusRegistry registry, SiteEnforcer enforcer) {
        CounterWithCallback.builder()
                .name("site_dropped_packets")
                .help("Packets the border policy dropped, by nftables counter (ipv4_into_site, ipv4_on_site_link,"
                        + " ipv4_transit, ipv6_inbound_denied, ipv6_outbound_denied)")
                .labelNames("rule")
                .callback(cb -> enforcer.health().counters().forEach((rule, count) -> cb.call(count.packets(), rule)))
                .register(registry);
        CounterWithCallback.builder()
                .name("site_dropped_bytes")
                .help("Bytes the border policy dropped, by nftables counter")
                .labelNames("rule")
                .callback(cb -> enforcer.health().counters().forEach((rule, count) -> cb.call(count.bytes(), rule)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("site_ruleset_applied")
                .help("1 when the border's nftables policy has been applied")
                .callback(cb -> cb.call(enforcer.health().rulesetApplied() ? 1 : 0))
                .register(registry);
        GaugeWithCallback.builder()
                .name("site_tayga_up")
                .help("1 while Tayga (the NAT64) runs")
                .callback(cb -> cb.call(enforcer.health().tayga().running() ? 1 : 0))
                .register(registry);
        CounterWithCallback.builder()
                .name("site_tayga_restarts")
                .help("Times the enforcer started Tayga again after it died")
                .callback(cb -> cb.call(enforcer.health().tayga().restarts()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("site_audit_findings")
                .help("IPv4 the border holds where it should not (addresses, routes, sockets off the outside"
                        + " interfaces and Tayga's TUN), by kind")
                .labelNames("kind")
                .callback(cb -> {
                    try {
                        AuditReport report = enforcer.audit();
                        report.countsByKind().forEach((kind, count) -> cb.call(count, kind.word()));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("site: the border's own audit failed: {}", e.getMessage());
                    }
                })
                .register(registry);
    }
}
