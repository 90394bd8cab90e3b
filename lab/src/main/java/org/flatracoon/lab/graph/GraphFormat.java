package org.flatracoon.lab.graph;

import java.util.function.Function;

/** The renderings `lab graph` offers. */
public enum GraphFormat {
    MERMAID(MermaidGraph::render),
    DOT(DotGraph::render),
    SVG(SvgGraph::render);

    private final Function<LabGraph, String> renderer;

    GraphFormat(Function<LabGraph, String> renderer) {
        this.renderer = renderer;
    }

    public String render(LabGraph graph) {
        return renderer.apply(graph);
    }
}
