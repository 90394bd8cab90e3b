package org.flatracoon.lab.probe;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/** Reads a service's Prometheus text exposition from inside its node and sums samples by name. */
public final class PrometheusMetrics {

    /** name, optional {labels} (a quoted value may hold '}', spaces and \" escapes), value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*\\})?\\s+(\\S+)");

    private final LabNode node;
    private final int port;

    public PrometheusMetrics(LabNode node, int port) {
        this.node = node;
        this.port = port;
    }

    /** The sum of every sample of the metric (over all label sets); 0 when it has none. */
    public double sum(String metric) {
        return scrapeAndSum(metric, "");
    }

    /** The sum of the metric's samples that carry {@code label="value"}; 0 when there are none. */
    public double sum(String metric, String label, String value) {
        return scrapeAndSum(metric, label + "=\"" + value + "\"");
    }

    /** The metric's samples summed per value of one label, e.g. drops per reason. */
    public Map<String, Double> byLabel(String metric, String label) {
        long start = System.nanoTime();
        String subject = metric + " by " + label + " on " + node.name();
        Map<String, Double> totals = byLabel(scrape(subject, start), metric, label);
        Observations.record(subject, totals.toString(), start);
        return totals;
    }

    private double scrapeAndSum(String metric, String labelPair) {
        long start = System.nanoTime();
        String subject = metric + (labelPair.isEmpty() ? "" : "{" + labelPair + "}") + " on " + node.name();
        double total = sumWithLabel(scrape(subject, start), metric, labelPair);
        Observations.record(subject, String.valueOf(total), start);
        return total;
    }

    private String scrape(String subject, long start) {
        ExecResult result = node.exec("curl", "-fsS", "--max-time", "5", "http://127.0.0.1:" + port + "/metrics");
        if (!result.succeeded()) {
            Observations.record(subject, "/metrics did not answer: " + result.output(), start);
            throw new ProbeException(node.name() + ": /metrics did not answer: " + result.output().strip());
        }
        return result.stdout();
    }

    static Map<String, Double> byLabel(String exposition, String metric, String label) {
        Pattern labelValue = Pattern.compile("[{,]\\s*" + Pattern.quote(label) + "=\"((?:[^\"\\\\]|\\\\.)*)\"");
        Map<String, Double> totals = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.find() && matcher.group(1).equals(metric) && matcher.group(2) != null) {
                Matcher value = labelValue.matcher(matcher.group(2));
                if (value.find()) {
                    totals.merge(value.group(1), Double.parseDouble(matcher.group(3)), Double::sum);
                }
            }
        }
        return totals;
    }

    static double sum(String exposition, String metric) {
        return sumWithLabel(exposition, metric, "");
    }

    static double sumWithLabel(String exposition, String metric, String labelPair) {
        double total = 0;
        for (String line : exposition.split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.find() && matcher.group(1).equals(metric)
                    && (labelPair.isEmpty() || labelHas(matcher.group(2), labelPair))) {
                total += Double.parseDouble(matcher.group(3));
            }
        }
        return total;
    }

    private static boolean labelHas(String labels, String pair) {
        return labels != null && (labels.contains("{" + pair) || labels.contains("," + pair));
    }
}
