package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flatracoon.lab.backend.ExecResult;
import org.junit.jupiter.api.Test;

/**
 * Sums over a Prometheus text exposition. The fixture labs-it/metrics/hesiod-metrics.txt is what
 * the netstack Hesiod server's /metrics served after a few queries.
 */
class PrometheusMetricsTest {

    private static String exposition() throws IOException {
        try (InputStream in = PrometheusMetricsTest.class.getResourceAsStream("/labs-it/metrics/hesiod-metrics.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sumsEveryLabelSetOfTheMetric() throws IOException {
        // tcp/NOERROR 1 + udp/NOERROR 2 + udp/NXDOMAIN 1 + udp/REFUSED 1
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_queries_total")).isEqualTo(5.0);
    }

    @Test
    void aMetricWithOneUnlabelledSample() throws IOException {
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_malformed_total")).isZero();
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_query_duration_seconds_count")).isEqualTo(5.0);
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_query_duration_seconds_sum"))
                .isEqualTo(0.014621098999999999);
    }

    @Test
    void namesMatchExactlyNotByPrefixAndCommentsDoNotCount() throws IOException {
        // "# HELP hesiod_queries_total …" and "# TYPE …" lines name the metric but are not samples;
        // hesiod_query_duration_seconds has only _bucket/_count/_sum samples
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_queries")).isZero();
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_query_duration_seconds")).isZero();
        assertThat(PrometheusMetrics.sum(exposition(), "no_such_metric")).isZero();
    }

    @Test
    void histogramBucketsAreSamplesLikeAnyOther() throws IOException {
        // cumulative buckets: 0,0,0,0,3,3,4,4,4,5 and +Inf 5
        assertThat(PrometheusMetrics.sum(exposition(), "hesiod_query_duration_seconds_bucket")).isEqualTo(28.0);
    }

    @Test
    void labelValuesWithSpacesBracesAndEscapedQuotesAndSampleTimestamps() {
        String text = """
                # HELP dropped_total Dropped packets by reason
                # TYPE dropped_total counter
                dropped_total{reason="bad header",peer="198.51.100.66"} 2
                dropped_total{reason="label } with a brace"} 3
                dropped_total{reason="quoted \\"x\\" inside"} 4 1764121000000
                dropped_total 1e1
                dropped_totals 100
                """;

        assertThat(PrometheusMetrics.sum(text, "dropped_total")).isEqualTo(19.0);
    }

    @Test
    void sumAsksTheNodesOwnMetricsEndpoint() throws IOException {
        FakeNode dns = new FakeNode("dns").answers("curl", new ExecResult(0, exposition(), ""));

        assertThat(new PrometheusMetrics(dns, 8080).sum("hesiod_queries_total")).isEqualTo(5.0);
        assertThat(dns.commands()).singleElement().satisfies(command -> assertThat(command)
                .startsWith("curl").endsWith("http://127.0.0.1:8080/metrics"));
    }

    @Test
    void anEndpointThatDoesNotAnswerIsAProbeExceptionNamingTheNode() {
        FakeNode dns = new FakeNode("dns").answers("curl",
                new ExecResult(7, "", "curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server\n"));

        assertThatThrownBy(() -> new PrometheusMetrics(dns, 8080).sum("hesiod_queries_total"))
                .isInstanceOf(ProbeException.class)
                .hasMessage("dns: /metrics did not answer: curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms:"
                        + " Couldn't connect to server");
    }
}
