package org.flatracoon.lab.probe;

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

    private double scrapeAndSum(String metric, String labelPair) {
        long start = System.nanoTime();
        String subject = metric + (labelPair.isEmpty() ? "" : "{" + labelPair + "}") + " on " + node.name();
        ExecResult result = node.exec("curl", "-fsS", "--max-time", "5", "http://127.0.0.1:" + port + "/metrics");
        if (!result.succeeded()) {
            Observations.record(subject, "/metrics did not answer: " + result.output(), start);
            throw new ProbeException(node.name() + ": /metrics did not answer: " + result.output().strip());
        }
        double total = sumWithLabel(result.stdout(), metric, labelPair);
        Observations.record(subject, String.valueOf(total), start);
        return total;
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
