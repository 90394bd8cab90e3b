package org.flatracoon.lab.reports;

import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG line chart of one wait budget over the last runs: median and slowest wait
 * per run, the budget's limit as a dashed line, runs where the budget ran out marked red. Drawn
 * here (no script, no library) so the report opens from disk or a CI artefact as it is. Each
 * point has a native tooltip with the run and its figures.
 */
final class TrendChart {

    static final int WIDTH = 360;
    static final int HEIGHT = 150;
    private static final int LEFT = 48;
    private static final int RIGHT = 10;
    private static final int TOP = 18;
    private static final int BOTTOM = 28;

    /** One run's figures for the budget. */
    record Point(String run, long medianMillis, long maxMillis, long limitMillis, long failed) {
    }

    private TrendChart() {
    }

    static String svg(String budget, List<Point> points) {
        // Scaled to the waits themselves; the limit joins the scale only once waits come near it
        // (within a factor of 2), otherwise a 60 s limit would flatten 80 ms waits onto the axis.
        double slowest = points.stream().mapToDouble(Point::maxMillis).max().orElse(1);
        long limitNow = points.isEmpty() ? -1 : points.get(points.size() - 1).limitMillis();
        double top = limitNow > 0 && limitNow <= 2 * slowest ? Math.max(slowest, limitNow) : slowest;
        double yMax = Math.max(1, top * 1.1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"10\" role=\"img\">")
                .append("<title>").append(IndexPage.escape(budget)).append(": median and slowest wait per run</title>")
                .append("<text x=\"").append(LEFT).append("\" y=\"12\" font-weight=\"bold\">")
                .append(IndexPage.escape(budget)).append("</text>")
                .append(axis(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight))
                .append(axis(LEFT, TOP, LEFT, TOP + plotHeight))
                .append(label(LEFT - 4, TOP + 4, "end", millis((long) yMax)))
                .append(label(LEFT - 4, TOP + plotHeight, "end", "0"));
        if (points.isEmpty()) {
            return svg.append(label(LEFT + 10, TOP + plotHeight / 2, "start", "no runs yet")).append("</svg>").toString();
        }
        double step = points.size() == 1 ? 0 : plotWidth / (points.size() - 1);
        double x0 = points.size() == 1 ? LEFT + plotWidth / 2 : LEFT;
        StringBuilder medians = new StringBuilder();
        StringBuilder maxima = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = x0 + i * step;
            double yMedian = TOP + plotHeight * (1 - p.medianMillis() / yMax);
            double yMaximum = TOP + plotHeight * (1 - p.maxMillis() / yMax);
            medians.append(n(x)).append(',').append(n(yMedian)).append(' ');
            maxima.append(n(x)).append(',').append(n(yMaximum)).append(' ');
            String tip = p.run() + ": median " + millis(p.medianMillis()) + ", max " + millis(p.maxMillis())
                    + (p.failed() > 0 ? ", " + p.failed() + " ran out" : "");
            marks.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(yMaximum)).append("\" r=\"3\" fill=\"")
                    .append(p.failed() > 0 ? "#cf222e" : "#d97706").append("\"><title>").append(IndexPage.escape(tip))
                    .append("</title></circle>");
        }
        long limit = limitNow;
        if (limit > yMax) {
            svg.append(label(LEFT + plotWidth, 12, "end", "limit " + millis(limit) + ", above the chart"));
        } else if (limit > 0) {
            double y = TOP + plotHeight * (1 - limit / yMax);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(LEFT + plotWidth))
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"#cf222e\" stroke-dasharray=\"4 3\"/>")
                    .append(label(LEFT + plotWidth, y - 3, "end", "limit " + millis(limit)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1d4e89\" stroke-width=\"1.5\" points=\"").append(medians.toString().trim())
                .append("\"/><polyline fill=\"none\" stroke=\"#d97706\" stroke-width=\"1.5\" points=\"")
                .append(maxima.toString().trim()).append("\"/>").append(marks)
                .append(label(LEFT, HEIGHT - 14, "start", points.get(0).run()))
                .append(label(LEFT + plotWidth, HEIGHT - 14, "end", points.get(points.size() - 1).run()))
                .append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 2).append("\">")
                .append("<tspan fill=\"#1d4e89\">&#9644; median</tspan> <tspan fill=\"#d97706\">&#9644; slowest</tspan> ")
                .append(points.size()).append(points.size() == 1 ? " run" : " runs").append("</text>");
        return svg.append("</svg>").toString();
    }

    /** One bar per run: passed (green) under failed (red), scaled to the largest run. */
    static String outcomes(List<RunHistory.Entry> runs) {
        long most = runs.stream().mapToLong(r -> r.passed() + r.failed()).max().orElse(1);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, runs.size());
        double bar = Math.max(2, slot * 0.7);
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"10\" role=\"img\">")
                .append("<title>passed and failed scenarios per run</title>")
                .append(axis(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight))
                .append(label(LEFT - 4, TOP + 4, "end", String.valueOf(most)))
                .append(label(LEFT - 4, TOP + plotHeight, "end", "0"));
        for (int i = 0; i < runs.size(); i++) {
            RunHistory.Entry run = runs.get(i);
            double x = LEFT + i * slot + (slot - bar) / 2;
            double passed = plotHeight * run.passed() / Math.max(1, most);
            double failed = plotHeight * run.failed() / Math.max(1, most);
            String tip = "<title>" + IndexPage.escape(run.run() + (run.commit() == null ? "" : " (" + run.commit() + ")")
                    + ": " + run.passed() + " passed, " + run.failed() + " failed") + "</title>";
            svg.append(rect(x, TOP + plotHeight - passed, bar, passed, "#1a7f37", tip))
                    .append(rect(x, TOP + plotHeight - passed - failed, bar, failed, "#cf222e", tip));
        }
        return svg.append(label(LEFT, HEIGHT - 14, "start", runs.get(0).run()))
                .append(label(LEFT + plotWidth, HEIGHT - 14, "end", runs.get(runs.size() - 1).run()))
                .append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 2).append("\">")
                .append("<tspan fill=\"#1a7f37\">&#9644; passed</tspan> <tspan fill=\"#cf222e\">&#9644; failed</tspan></text>")
                .append("</svg>").toString();
    }

    private static String rect(double x, double y, double width, double height, String fill, String title) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(width) + "\" height=\"" + n(height)
                + "\" fill=\"" + fill + "\">" + title + "</rect>";
    }

    private static String axis(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\"#999\"/>";
    }

    private static String label(double x, double y, String anchor, String text) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" fill=\"#555\">"
                + IndexPage.escape(text) + "</text>";
    }

    static String millis(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
