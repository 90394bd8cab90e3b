package org.flatracoon.lab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.topology.TopologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rendering of a small lab of every kind against its golden file. To accept a deliberate
 * change, run with -Dgraph.golden.update=true and review the diff of src/test/resources/graph/.
 */
class GraphRenderingTest {

    private static final Path DIR = Path.of("src/test/resources/graph");

    static LabGraph sample() throws Exception {
        return LabGraph.of(new TopologyLoader(KindRegistry.standard()).load(DIR.resolve("evidence-graph.clab.yml")));
    }

    @ParameterizedTest
    @EnumSource(GraphFormat.class)
    void matchesItsGoldenFile(GraphFormat format) throws Exception {
        String rendered = format.render(sample());
        Path golden = DIR.resolve("evidence-graph." + format.name().toLowerCase(Locale.ROOT));
        if (Boolean.getBoolean("graph.golden.update")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(rendered).isEqualTo(read(golden));
    }

    @Test
    void theGraphHasEveryNodeWithItsKindAndEveryEndWithItsAddresses() throws Exception {
        LabGraph graph = sample();

        assertThat(graph.nodes()).extracting(LabGraph.Node::kind).containsExactly("hesiod", "bind", "host", "linux");
        assertThat(graph.links()).hasSize(4);
        assertThat(graph.links().get(0).a().label()).isEqualTo("eth1 198.51.100.193/29 2001:db8:e1:1::1/64");
        assertThat(graph.links().get(3).b().label()).as("an unaddressed end shows its interface").isEqualTo("eth3");
        assertThat(graph.kinds()).containsExactly("hesiod", "bind", "host", "linux");
    }

    @Test
    void svgIsWellFormedXmlWithALegendAndEveryAddress() throws Exception {
        String svg = SvgGraph.render(sample());

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains(">kinds:</text>", ">198.51.100.193/29<", ">2001:db8:e1:2::2/64<", ">linux</text>");
        assertThat(svg).contains("<ellipse").contains("<polygon").contains("rx=\"10\"");
    }

    @Test
    void namesThatAreMermaidOrDotSyntaxAreQuotedOrReplaced() {
        LabGraph graph = new LabGraph("odd \"lab\"", List.of(new LabGraph.Node("r-1.core", "host"),
                new LabGraph.Node("x", "custom")), List.of(new LabGraph.Link(
                new LabGraph.End("r-1.core", "eth1", List.of()), new LabGraph.End("x", "eth1", List.of()))));

        assertThat(MermaidGraph.render(graph)).contains("n_r_1_core[\"r-1.core<br/><i>host</i>\"]:::kind_host")
                .contains("n_x{{\"x<br/><i>custom</i>\"}}:::kind_custom");
        assertThat(DotGraph.render(graph)).startsWith("graph \"odd \\\"lab\\\"\" {");
        assertThat(SvgGraph.render(graph)).contains("<title>lab odd &quot;lab&quot;</title>");
    }

    private static String read(Path golden) throws IOException {
        return Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "(no golden file " + golden + ")";
    }
}
