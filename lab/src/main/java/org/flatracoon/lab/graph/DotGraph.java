package org.flatracoon.lab.graph;

/** A Graphviz DOT rendering of the lab, for `dot -Tpng` wherever Graphviz is installed. */
public final class DotGraph {

    private DotGraph() {
    }

    public static String render(LabGraph graph) {
        StringBuilder out = new StringBuilder("graph ").append(quote(graph.name())).append(" {\n")
                .append("  graph [label=").append(quote("lab " + graph.name())).append(", labelloc=t, fontname=\"sans-serif\"];\n")
                .append("  node [style=filled, fontname=\"sans-serif\"];\n")
                .append("  edge [fontname=\"sans-serif\", fontsize=9];\n");
        for (LabGraph.Node node : graph.nodes()) {
            KindStyle style = KindStyle.of(node.kind());
            out.append("  ").append(quote(node.name())).append(" [label=").append(quote(node.name() + "\n" + node.kind()))
                    .append(", shape=").append(shape(style)).append(", fillcolor=").append(quote(style.fill))
                    .append(", color=").append(quote(style.stroke)).append("];\n");
        }
        for (LabGraph.Link link : graph.links()) {
            out.append("  ").append(quote(link.a().node())).append(" -- ").append(quote(link.b().node()))
                    .append(" [taillabel=").append(quote(link.a().label().replace(' ', '\n')))
                    .append(", headlabel=").append(quote(link.b().label().replace(' ', '\n'))).append("];\n");
        }
        out.append("  subgraph cluster_legend {\n    label=\"kinds\"; fontsize=9;\n");
        for (String kind : graph.kinds()) {
            KindStyle style = KindStyle.of(kind);
            out.append("    ").append(quote("legend " + kind)).append(" [label=").append(quote(kind))
                    .append(", shape=").append(shape(style)).append(", fillcolor=").append(quote(style.fill))
                    .append(", color=").append(quote(style.stroke)).append(", fontsize=9];\n");
        }
        return out.append("  }\n}\n").toString();
    }

    private static String shape(KindStyle style) {
        return switch (style) {
            case SERVICE -> "box, style=\"rounded,filled\"";
            case PEER -> "ellipse";
            case CLIENT -> "box";
            case OTHER -> "hexagon";
        };
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
