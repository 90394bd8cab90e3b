package org.flatracoon.lab.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained SVG picture of the lab, laid out by us (no Graphviz on the build machines):
 * nodes on a circle in file order, the first on the left; each link a straight line, parallel
 * links between the same two nodes side by side; at each end of a link, near its node, the
 * interface and its addresses; below, a legend of the kinds present.
 */
public final class SvgGraph {

    private static final double NODE_HEIGHT = 40;
    private static final double MARGIN_X = 190;
    private static final double MARGIN_Y = 90;
    private static final double LEGEND_HEIGHT = 50;
    private static final double PARALLEL_GAP = 16;
    private static final double LABEL_AT = 0.3;
    private static final double LINE_HEIGHT = 12;

    private SvgGraph() {
    }

    private record Point(double x, double y) {
    }

    public static String render(LabGraph graph) {
        int count = graph.nodes().size();
        double radius = count <= 1 ? 0 : Math.max(140, 55.0 * count);
        double width = 2 * radius + 2 * MARGIN_X;
        double height = 2 * radius + 2 * MARGIN_Y + LEGEND_HEIGHT;
        Map<String, Point> at = place(graph, radius, new Point(width / 2, MARGIN_Y + radius));

        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<title>lab ").append(escape(graph.name())).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">lab ")
                .append(escape(graph.name())).append("</text>\n");
        links(graph, at, svg);
        graph.nodes().forEach(node -> node(node, at.get(node.name()), svg));
        legend(graph, height - LEGEND_HEIGHT + 10, svg);
        return svg.append("</svg>\n").toString();
    }

    private static Map<String, Point> place(LabGraph graph, double radius, Point centre) {
        Map<String, Point> at = new LinkedHashMap<>();
        int count = graph.nodes().size();
        for (int i = 0; i < count; i++) {
            double angle = Math.PI + 2 * Math.PI * i / count;
            at.put(graph.nodes().get(i).name(),
                    new Point(centre.x() + radius * Math.cos(angle), centre.y() + radius * Math.sin(angle)));
        }
        return at;
    }

    private static void links(LabGraph graph, Map<String, Point> at, StringBuilder svg) {
        Map<String, List<LabGraph.Link>> byPair = new LinkedHashMap<>();
        graph.links().forEach(link -> byPair.computeIfAbsent(pair(link), key -> new ArrayList<>()).add(link));
        Map<String, Integer> seen = new HashMap<>();
        for (LabGraph.Link link : graph.links()) {
            List<LabGraph.Link> parallel = byPair.get(pair(link));
            int index = seen.merge(pair(link), 1, Integer::sum) - 1;
            double offset = (index - (parallel.size() - 1) / 2.0) * PARALLEL_GAP;
            Point a = at.get(link.a().node());
            Point b = at.get(link.b().node());
            double length = Math.max(1, Math.hypot(b.x() - a.x(), b.y() - a.y()));
            // Shift along the normal of the pair's canonical direction, so parallel links never cross.
            double sign = link.a().node().compareTo(link.b().node()) <= 0 ? 1 : -1;
            double nx = -(b.y() - a.y()) / length * offset * sign;
            double ny = (b.x() - a.x()) / length * offset * sign;
            Point from = new Point(a.x() + nx, a.y() + ny);
            Point to = new Point(b.x() + nx, b.y() + ny);
            svg.append("<line x1=\"").append(n(from.x())).append("\" y1=\"").append(n(from.y()))
                    .append("\" x2=\"").append(n(to.x())).append("\" y2=\"").append(n(to.y()))
                    .append("\" stroke=\"#888\" stroke-width=\"2\"/>\n");
            // A lone link carries its labels on the line; parallel ones put them outside, each on its own side.
            Point side = offset == 0 ? new Point(0, 0) : new Point(Math.signum(offset) * sign * -(b.y() - a.y()) / length,
                    Math.signum(offset) * sign * (b.x() - a.x()) / length);
            endLabel(link.a(), along(from, to, LABEL_AT), side, svg);
            endLabel(link.b(), along(to, from, LABEL_AT), side, svg);
        }
    }

    /** @param side unit vector pointing away from the line, or zero to sit on it */
    private static void endLabel(LabGraph.End end, Point on, Point side, StringBuilder svg) {
        List<String> lines = new ArrayList<>();
        lines.add(end.iface());
        lines.addAll(end.addresses());
        double halfHeight = (lines.size() - 1) * LINE_HEIGHT / 2;
        String anchor = "middle";
        Point where = on;
        if (Math.abs(side.x()) > Math.abs(side.y())) {
            anchor = side.x() > 0 ? "start" : "end";
            where = new Point(on.x() + side.x() * 8, on.y() + side.y() * 8);
        } else if (side.y() != 0) {
            where = new Point(on.x() + side.x() * 8, on.y() + Math.signum(side.y()) * (halfHeight + 10));
        }
        double top = where.y() - halfHeight + 4;
        svg.append("<text text-anchor=\"").append(anchor)
                .append("\" font-size=\"10\" fill=\"#333\" stroke=\"#fff\" stroke-width=\"3\" ")
                .append("paint-order=\"stroke\">");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(n(where.x())).append("\" y=\"").append(n(top + i * LINE_HEIGHT)).append('"')
                    .append(i == 0 ? " font-weight=\"bold\"" : "").append('>').append(escape(lines.get(i))).append("</tspan>");
        }
        svg.append("</text>\n");
    }

    private static void node(LabGraph.Node node, Point c, StringBuilder svg) {
        double w = nodeWidth(node);
        shape(KindStyle.of(node.kind()), c, w, NODE_HEIGHT, svg);
        svg.append("<text x=\"").append(n(c.x())).append("\" y=\"").append(n(c.y() - 2))
                .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(escape(node.name())).append("</text>\n")
                .append("<text x=\"").append(n(c.x())).append("\" y=\"").append(n(c.y() + 12))
                .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">").append(escape(node.kind())).append("</text>\n");
    }

    private static void shape(KindStyle style, Point c, double w, double h, StringBuilder svg) {
        String paint = " fill=\"" + style.fill + "\" stroke=\"" + style.stroke + "\" stroke-width=\"1.5\"/>\n";
        double left = c.x() - w / 2;
        double top = c.y() - h / 2;
        switch (style) {
            case SERVICE, CLIENT -> svg.append("<rect x=\"").append(n(left)).append("\" y=\"").append(n(top))
                    .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                    .append(style == KindStyle.SERVICE ? "\" rx=\"10\"" : "\"").append(paint);
            case PEER -> svg.append("<ellipse cx=\"").append(n(c.x())).append("\" cy=\"").append(n(c.y()))
                    .append("\" rx=\"").append(n(w / 2)).append("\" ry=\"").append(n(h / 2)).append('"').append(paint);
            case OTHER -> {
                double inset = h / 3;
                svg.append("<polygon points=\"")
                        .append(n(left)).append(',').append(n(c.y())).append(' ')
                        .append(n(left + inset)).append(',').append(n(top)).append(' ')
                        .append(n(left + w - inset)).append(',').append(n(top)).append(' ')
                        .append(n(left + w)).append(',').append(n(c.y())).append(' ')
                        .append(n(left + w - inset)).append(',').append(n(top + h)).append(' ')
                        .append(n(left + inset)).append(',').append(n(top + h)).append('"').append(paint);
            }
        }
    }

    private static void legend(LabGraph graph, double y, StringBuilder svg) {
        svg.append("<text x=\"10\" y=\"").append(n(y + 15)).append("\" font-size=\"11\" fill=\"#555\">kinds:</text>\n");
        double x = 60;
        for (String kind : graph.kinds()) {
            shape(KindStyle.of(kind), new Point(x + 20, y + 11), 40, 18, svg);
            svg.append("<text x=\"").append(n(x + 46)).append("\" y=\"").append(n(y + 15))
                    .append("\" font-size=\"11\">").append(escape(kind)).append("</text>\n");
            x += 56 + 7 * kind.length() + 20;
        }
    }

    private static double nodeWidth(LabGraph.Node node) {
        return Math.max(70, 8.0 * Math.max(node.name().length(), node.kind().length()) + 24);
    }

    private static Point along(Point from, Point to, double fraction) {
        return new Point(from.x() + (to.x() - from.x()) * fraction, from.y() + (to.y() - from.y()) * fraction);
    }

    private static String pair(LabGraph.Link link) {
        String a = link.a().node();
        String b = link.b().node();
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /** One decimal, dot separator whatever the machine's locale: stable output for golden files. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
