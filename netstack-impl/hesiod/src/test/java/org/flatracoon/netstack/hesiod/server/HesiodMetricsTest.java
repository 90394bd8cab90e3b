package org.flatracoon.netstack.hesiod.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import org.flatracoon.netstack.hesiod.query.QueryHandler;
import org.flatracoon.netstack.hesiod.query.Reply;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class HesiodMetricsTest {

    @Test
    void uncommonTypesAndClassesShareOneLabelSoClientsCannotExplodeTheSeries() {
        assertThat(HesiodMetrics.typeLabel(Type.TXT)).isEqualTo("TXT");
        assertThat(HesiodMetrics.typeLabel(65_000)).isEqualTo("other");
        assertThat(HesiodMetrics.typeLabel(Reply.UNKNOWN)).isEqualTo("none");
        assertThat(HesiodMetrics.classLabel(DClass.HS)).isEqualTo("HS");
        assertThat(HesiodMetrics.classLabel(1234)).isEqualTo("other");
        assertThat(HesiodMetrics.classLabel(Reply.UNKNOWN)).isEqualTo("none");
    }

    @Test
    void countsQueriesByOutcomeAndMalformedPackets() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        HesiodMetrics metrics = new HesiodMetrics(registry);
        QueryHandler handler = new QueryHandler(HesiodZones.of());

        byte[] query = Message.newQuery(Record.newRecord(Name.fromString("x.example.org."), 64_999, DClass.IN)).toWire();
        metrics.record(Transport.TCP, handler.handle(query, Transport.TCP), 1_000);
        metrics.record(Transport.UDP, handler.handle(new byte[3], Transport.UDP), 1_000);

        String text = PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
        assertThat(text)
                .contains("hesiod_queries_total{qclass=\"IN\",qtype=\"other\",rcode=\"REFUSED\",transport=\"tcp\"} 1.0")
                .contains("hesiod_queries_total{qclass=\"none\",qtype=\"none\",rcode=\"none\",transport=\"udp\"} 1.0")
                .contains("hesiod_malformed_total 1.0");
        assertThat(metrics.malformedTotal()).isEqualTo(1.0);
    }
}
