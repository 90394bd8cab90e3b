package org.flatracoon.lab.timeline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * timeline.html: the scenario's events as one readable table — offset from the start, kind,
 * subject, what happened, how long it took. Faults stand out, failures are red, steps head the
 * events they caused. A self-contained page (inline CSS, no script) that opens from disk.
 */
public final class TimelineHtml {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
            h1 { font-size: 1.2rem; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; }
            th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e4e4e4; vertical-align: top; }
            th { background: #f4f4f4; }
            td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            td.kind { font-size: .8em; font-weight: bold; }
            tr.step td { background: #f0f4fa; font-weight: 600; }
            tr.fault td { background: #fff4d6; }
            tr.fault td.kind { color: #9a6700; }
            tr.failed td { background: #ffebe9; color: #a40e26; }
            .data { color: #666; font-size: .85em; }
            .legend span { padding: .1rem .4rem; margin-right: .4rem; }
            """;

    private TimelineHtml() {
    }

    public static String render(String title, Timeline timeline) {
        List<TimelineEvent> events = timeline.events();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Timeline: ")
                .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Timeline: ").append(escape(title)).append("</h1>\n")
                .append("<p>Started ").append(escape(timeline.started().toString())).append(" &middot; ")
                .append(escape(counts(events))).append("</p>\n")
                .append("<p class=\"legend\"><span style=\"background:#f0f4fa\">step</span>")
                .append("<span style=\"background:#fff4d6\">fault</span>")
                .append("<span style=\"background:#ffebe9\">failed</span> offsets in seconds from the start; ")
                .append("a step's or wait's row is written when it ends</p>\n")
                .append("<table>\n<thead><tr><th>Offset</th><th>Kind</th><th>Subject</th><th>What happened</th>")
                .append("<th>Took</th></tr></thead>\n<tbody>\n");
        if (events.isEmpty()) {
            html.append("<tr><td colspan=\"5\">Nothing was recorded.</td></tr>\n");
        }
        for (TimelineEvent event : events) {
            row(timeline, event, html);
        }
        return html.append("</tbody>\n</table>\n</body>\n</html>\n").toString();
    }

    private static void row(Timeline timeline, TimelineEvent event, StringBuilder html) {
        html.append("<tr class=\"").append(rowClass(event)).append("\">")
                .append("<td class=\"num\">").append(seconds(Duration.between(timeline.started(), event.at()))).append("</td>")
                .append("<td class=\"kind\">").append(event.kind().name()).append("</td>")
                .append("<td>").append(escape(event.subject())).append("</td>")
                .append("<td>").append(escape(event.detail()));
        if (!event.data().isEmpty()) {
            html.append("<br><span class=\"data\">");
            new TreeMap<>(event.data()).forEach((key, value) ->
                    html.append(escape(key)).append('=').append(escape(value)).append(' '));
            html.append("</span>");
        }
        html.append("</td><td class=\"num\">").append(event.took().map(TimelineHtml::human).orElse(""))
                .append("</td></tr>\n");
    }

    private static String rowClass(TimelineEvent event) {
        if (event.failed()) {
            return "failed";
        }
        return event.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String counts(List<TimelineEvent> events) {
        Map<EventKind, Integer> counts = new EnumMap<>(EventKind.class);
        events.forEach(event -> counts.merge(event.kind(), 1, Integer::sum));
        long failed = events.stream().filter(TimelineEvent::failed).count();
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(count).append(' ').append(kind.name().toLowerCase(Locale.ROOT))
                .append(count == 1 ? "" : "s").append(", "));
        text.append(failed).append(" failed");
        return text.toString();
    }

    private static String seconds(Duration offset) {
        return String.format(Locale.ROOT, "%+.3f", offset.toMillis() / 1000.0);
    }

    static String human(Duration took) {
        long millis = took.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }
}
