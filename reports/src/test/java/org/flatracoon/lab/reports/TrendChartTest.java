package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The trend chart is an SVG of its own: well-formed, one point per run, the limit, runs that ran out in red. */
class TrendChartTest {

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onePointPerRunWithItsFiguresAndTheLimitLine() throws Exception {
        String svg = TrendChart.svg("link-change <b>", List.of(
                new TrendChart.Point("run-1", 800, 1200, 10000, 0),
                new TrendChart.Point("run-2", 900, 10050, 10000, 1),
                new TrendChart.Point("run-3", 700, 1100, 10000, 0)));

        Document chart = parse(svg);
        assertThat(chart.getElementsByTagName("circle").getLength()).isEqualTo(3);
        assertThat(chart.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("limit 10.0 s", "stroke-dasharray", "link-change &lt;b&gt;")
                .contains("<title>run-2: median 900 ms, max 10.1 s, 1 ran out</title>")
                .contains("fill=\"#cf222e\"><title>run-2").contains(">run-1</text>", ">run-3</text>", "3 runs</text>");
    }

    @Test
    void aLongerWaitIsDrawnHigher() throws Exception {
        String svg = TrendChart.svg("b", List.of(new TrendChart.Point("r1", 100, 100, -1, 0),
                new TrendChart.Point("r2", 100, 900, -1, 0)));

        var circles = parse(svg).getElementsByTagName("circle");
        double first = Double.parseDouble(circles.item(0).getAttributes().getNamedItem("cy").getNodeValue());
        double second = Double.parseDouble(circles.item(1).getAttributes().getNamedItem("cy").getNodeValue());
        assertThat(second).isLessThan(first);
        assertThat(svg).doesNotContain("limit");
    }

    @Test
    void outcomesAreOneBarPairPerRunWithTheRunInTheTooltip() throws Exception {
        String svg = TrendChart.outcomes(List.of(
                new RunHistory.Entry("r1", null, "abc123", 10, 0, 0, java.util.Map.of(), List.of(), List.of()),
                new RunHistory.Entry("r2", null, null, 8, 2, 0, java.util.Map.of(), List.of("f: s"), List.of())));

        assertThat(parse(svg).getElementsByTagName("rect").getLength()).isEqualTo(4);
        assertThat(svg).contains("<title>r1 (abc123): 10 passed, 0 failed</title>", "<title>r2: 8 passed, 2 failed</title>");
    }

    @Test
    void aLimitFarAboveTheWaitsIsNamedNotDrawnSoTheWaitsStayReadable() throws Exception {
        String svg = TrendChart.svg("node-readiness", List.of(new TrendChart.Point("r1", 60, 80, 60000, 0),
                new TrendChart.Point("r2", 70, 240, 60000, 0)));

        assertThat(svg).contains("limit 60.0 s, above the chart").doesNotContain("stroke-dasharray");
        var circles = parse(svg).getElementsByTagName("circle");
        double slowest = Double.parseDouble(circles.item(1).getAttributes().getNamedItem("cy").getNodeValue());
        assertThat(slowest).as("the slowest wait is near the top of the chart").isLessThan(40);
    }

    @Test
    void noRunsYetSaysSo() throws Exception {
        assertThat(parse(TrendChart.svg("b", List.of())).getDocumentElement().getTextContent()).contains("no runs yet");
    }
}
