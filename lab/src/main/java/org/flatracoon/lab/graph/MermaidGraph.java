package org.flatracoon.lab.graph;

/** A Mermaid flowchart of the lab: paste it into a Markdown file, an issue or a wiki page. */
public final class MermaidGraph {

    private MermaidGraph() {
    }

    public static String render(LabGraph graph) {
        StringBuilder out = new StringBuilder("%% lab ").append(graph.name()).append('\n').append("graph LR\n");
        for (LabGraph.Node node : graph.nodes()) {
            String label = quote(node.name() + "<br/><i>" + node.kind() + "</i>");
            out.append("  ").append(id(node.name())).append(shape(node.kind(), label))
                    .append(":::").append(kindClass(node.kind())).append('\n');
        }
        for (LabGraph.Link link : graph.links()) {
            out.append("  ").append(id(link.a().node())).append(" ---|")
                    .append(quote(link.a().node() + " " + link.a().label() + "<br/>" + link.b().node() + " " + link.b().label()))
                    .append("| ").append(id(link.b().node())).append('\n');
        }
        for (String kind : graph.kinds()) {
            KindStyle style = KindStyle.of(kind);
            out.append("  classDef ").append(kindClass(kind)).append(" fill:").append(style.fill)
                    .append(",stroke:").append(style.stroke).append(",color:#222\n");
        }
        return out.toString();
    }

    private static String shape(String kind, String label) {
        return switch (KindStyle.of(kind)) {
            case SERVICE -> "(" + label + ")";
            case PEER -> "([" + label + "])";
            case CLIENT -> "[" + label + "]";
            case OTHER -> "{{" + label + "}}";
        };
    }

    /** Mermaid ids are bare words; node names may hold '-' and '.', which it reads as syntax. */
    private static String id(String name) {
        return "n_" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String kindClass(String kind) {
        return "kind_" + kind.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "#quot;") + "\"";
    }
}
