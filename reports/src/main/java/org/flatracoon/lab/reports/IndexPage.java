package org.flatracoon.lab.reports;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders index.html: the page a person opens first after a run. Failures come first with their
 * error and direct links to their evidence; every row links to its evidence folder and to
 * Cucumber's own HTML report. Plain HTML and a little CSS, so it opens from disk or a CI artefact.
 */
final class IndexPage {

    static final String FILE = "index.html";
    /** Written by Cucumber's html plugin, which the README asks to configure next to ours. */
    static final String CUCUMBER_HTML = "cucumber.html";

    /** A slowest wait at or above this share of its budget is marked as close to flaking. */
    private static final double NEAR_LIMIT = 0.8;

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
            h1 { font-size: 1.4rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
            th { background: #f4f4f4; }
            td.num { text-align: right; white-space: nowrap; }
            .where, .tags { color: #666; font-size: .85em; }
            .status { font-weight: bold; text-transform: uppercase; font-size: .85em; }
            .passed { color: #1a7f37; } .failed { color: #cf222e; } .skipped { color: #9a6700; }
            .result { font-size: 1.1rem; }
            tr.details td { border-bottom: 2px solid #cf222e; }
            h2 { font-size: 1.1rem; margin-top: 2rem; }
            tr.warn td { background: #fff8c5; }
            details summary { cursor: pointer; color: #0969da; font-size: .9em; }
            details img { max-width: 32rem; border: 1px solid #ddd; margin-top: .3rem; }
            .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
            .charts svg { border: 1px solid #e4e4e4; background: #fff; }
            .note { color: #666; font-size: .85em; }
            pre { white-space: pre-wrap; background: #fff5f5; padding: .5rem; margin: 0 0 .4rem; max-height: 20rem; overflow: auto; }
            """;

    private IndexPage() {
    }

    static String render(RunSummary run) {
        return render(run, RunTrends.NONE);
    }

    static String render(RunSummary run, RunTrends trends) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Lab report ").append(escape(run.runName())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(run, html);
        table(run, trends, html);
        outcomes(trends, html);
        waits(trends, html);
        charts(trends, html);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void header(RunSummary run, StringBuilder html) {
        String result = run.passed() ? "passed" : "failed";
        html.append("<h1>FlatRacoon Lab run <code>").append(escape(run.runName())).append("</code></h1>\n")
                .append("<p class=\"result\"><span class=\"status ").append(result).append("\">").append(result)
                .append("</span> &middot; ")
                .append(run.count(Outcome.PASSED)).append(" passed, ")
                .append(run.count(Outcome.FAILED)).append(" failed, ")
                .append(run.count(Outcome.SKIPPED)).append(" skipped &middot; ")
                .append(escape(human(run.duration())));
        if (run.concurrency() >= 1.1) {
            html.append(" (scenarios' own time ").append(escape(human(run.scenarioTime())))
                    .append(String.format(java.util.Locale.ROOT, ", %.1f at a time on average)", run.concurrency()));
        }
        if (run.started() != null) {
            html.append(" &middot; started ").append(escape(run.started().toString()));
        }
        html.append("</p>\n<p><a href=\"").append(CUCUMBER_HTML).append("\">Cucumber HTML report</a> &middot; ")
                .append("<a href=\"summary.json\">summary.json</a> &middot; ")
                .append("<a href=\"").append(LabReportPlugin.WAITS_JSON).append("\">").append(LabReportPlugin.WAITS_JSON)
                .append("</a> &middot; <a href=\"../").append(RunHistory.FILE).append("\">").append(RunHistory.FILE)
                .append("</a></p>\n");
        if (run.runError() != null) {
            html.append("<p class=\"failed\">The run itself failed:</p>\n<pre>")
                    .append(escape(run.runError())).append("</pre>\n");
        }
    }

    private static void table(RunSummary run, RunTrends trends, StringBuilder html) {
        html.append("<table>\n<thead><tr><th>Status</th><th>Feature</th><th>Scenario</th><th>Tags</th>")
                .append("<th>Duration</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        if (run.scenarios().isEmpty()) {
            html.append("<tr><td colspan=\"6\">No scenarios ran.</td></tr>\n");
        }
        for (ScenarioResult s : run.failedFirst()) {
            row(s, trends, html);
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void row(ScenarioResult s, RunTrends trends, StringBuilder html) {
        String outcome = s.outcome().label();
        String folder = escape(s.evidencePath()) + "/";
        html.append("<tr class=\"").append(outcome).append("\">")
                .append("<td><span class=\"status ").append(outcome).append("\">")
                .append(escape(s.status().name().toLowerCase(Locale.ROOT))).append("</span></td>")
                .append("<td>").append(escape(s.feature())).append("</td>")
                .append("<td>").append(escape(s.name()))
                .append(" <span class=\"where\">").append(escape(where(s))).append("</span></td>")
                .append("<td class=\"tags\">").append(escape(String.join(" ", s.tags()))).append("</td>")
                .append("<td class=\"num\">").append(escape(human(s.duration()))).append("</td>")
                .append("<td><a href=\"").append(folder).append("\">evidence</a> &middot; ");
        s.attachment(ScenarioResult.TIMELINE_HTML).ifPresent(file ->
                html.append("<a href=\"").append(folder).append(escape(file)).append("\">timeline</a> &middot; "));
        html.append("<a href=\"").append(CUCUMBER_HTML).append("\">cucumber</a>");
        s.attachment(ScenarioResult.PICTURE).ifPresent(file -> html.append("<details><summary>lab picture</summary>")
                .append("<a href=\"").append(folder).append(escape(file)).append("\"><img src=\"").append(folder)
                .append(escape(file)).append("\" alt=\"the lab of this scenario\" loading=\"lazy\"></a></details>"));
        html.append("</td></tr>\n");
        if (s.outcome() == Outcome.FAILED || !s.problems().isEmpty()) {
            details(s, folder, trends, html);
        }
    }

    /**
     * Per budget: how long this run's waits took against the budget's limit. A slowest wait above
     * 80% of its limit is marked: it passes today and is the first to flake tomorrow.
     */
    private static void waits(RunTrends trends, StringBuilder html) {
        html.append("<h2>Wait times in this run</h2>\n");
        if (trends.waits().isEmpty()) {
            html.append("<p class=\"note\">No scenario recorded a wait.</p>\n");
            return;
        }
        html.append("<table class=\"waits\">\n<thead><tr><th>Budget</th><th>Waits</th><th>Min</th><th>Median</th>")
                .append("<th>p95</th><th>Max</th><th>Limit</th><th>Max / limit</th><th>Ran out</th></tr></thead>\n<tbody>\n");
        for (WaitStats w : trends.waits()) {
            double share = w.maxShareOfLimit();
            String rowClass = w.failed() > 0 ? "failed" : share >= NEAR_LIMIT ? "warn" : "";
            html.append("<tr class=\"").append(rowClass).append("\"><td>").append(escape(w.budget())).append("</td>")
                    .append("<td class=\"num\">").append(w.count()).append("</td>")
                    .append(cell(w.min())).append(cell(w.median())).append(cell(w.p95())).append(cell(w.max()))
                    .append(cell(w.limit()))
                    .append("<td class=\"num\">").append(share < 0 ? "" : Math.round(share * 100) + "%").append("</td>")
                    .append("<td class=\"num\">").append(w.failed()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">Nearest-rank percentiles over every wait of the run; ")
                .append("every wait is listed in <a href=\"").append(LabReportPlugin.WAITS_JSON).append("\">")
                .append(LabReportPlugin.WAITS_JSON).append("</a>. Yellow: the slowest wait used 80% or more of its budget.</p>\n");
    }

    /** Passed and failed scenarios per run, so a red night stands out from a red month. */
    private static void outcomes(RunTrends trends, StringBuilder html) {
        if (trends.history().size() < 2) {
            return;
        }
        html.append("<h2>Scenario outcomes over the last ").append(trends.history().size()).append(" runs</h2>\n")
                .append(TrendChart.outcomes(trends.history())).append('\n');
    }

    private static void charts(RunTrends trends, StringBuilder html) {
        html.append("<h2>Wait trends over the last ").append(trends.history().size()).append(trends.history().size() == 1
                ? " run" : " runs").append("</h2>\n");
        trends.problems().forEach(problem ->
                html.append("<p class=\"failed\">History problem: ").append(escape(problem)).append("</p>\n"));
        var points = trends.chartPoints();
        if (points.isEmpty()) {
            html.append("<p class=\"note\">No run in the history recorded a wait.</p>\n");
            return;
        }
        html.append("<div class=\"charts\">\n");
        points.forEach((budget, series) -> html.append(TrendChart.svg(budget, series)).append('\n'));
        html.append("</div>\n<p class=\"note\">From <a href=\"../").append(RunHistory.FILE).append("\">")
                .append(RunHistory.FILE).append("</a> beside the run folders (one line per run); keep that file ")
                .append("between CI runs to keep the trends. Hover a point for its run and figures.</p>\n");
    }

    private static String cell(Duration d) {
        return "<td class=\"num\">" + (d == null ? "" : escape(human(d))) + "</td>";
    }

    /** Under a failed row: the error, and one click to each piece of evidence. */
    private static void details(ScenarioResult s, String folder, RunTrends trends, StringBuilder html) {
        html.append("<tr class=\"details\"><td></td><td colspan=\"5\">");
        RunTrends.EarlierRuns earlier = trends.earlierRuns(s);
        if (s.outcome() == Outcome.FAILED && earlier.ran() > 0) {
            html.append("<p class=\"history\">").append(earlier.failed() == 0
                    ? "Passed in each of the " + earlier.ran() + " earlier runs of the history that ran it: a new failure."
                    : "Also failed in " + earlier.failed() + " of the " + earlier.ran() + " earlier runs of the history that ran it.")
                    .append("</p>");
        }
        if (s.error() != null) {
            html.append("<pre>").append(escape(s.error())).append("</pre>");
        }
        for (String problem : s.problems()) {
            html.append("<p class=\"failed\">Report problem: ").append(escape(problem)).append("</p>");
        }
        html.append("Evidence: ").append(link(folder, EvidenceFolder.SCENARIO_JSON)).append(", ")
                .append(link(folder, EvidenceFolder.LOG));
        String attachments = s.attachments().stream()
                .map(a -> link(folder, a.file()))
                .collect(Collectors.joining(", "));
        if (!attachments.isEmpty()) {
            html.append(", ").append(attachments);
        }
        html.append("</td></tr>\n");
    }

    private static String link(String folder, String file) {
        return "<a href=\"" + folder + escape(file) + "\">" + escape(file) + "</a>";
    }

    private static String where(ScenarioResult s) {
        String uri = String.valueOf(s.uri());
        return uri.substring(uri.lastIndexOf('/') + 1) + ":" + s.line();
    }

    static String human(Duration d) {
        if (d == null) {
            return "";
        }
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        return seconds / 60 + " min " + String.format(Locale.ROOT, "%02d", seconds % 60) + " s";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
