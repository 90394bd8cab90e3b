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
        return sum(scrape(), metric);
    }

    /** The metric's samples summed per value of one label, e.g. drops per reason. */
    public Map<String, Double> byLabel(String metric, String label) {
        return byLabel(scrape(), metric, label);
    }

    private String scrape() {
        ExecResult result = node.exec("curl", "-fsS", "--max-time", "5", "http://127.0.0.1:" + port + "/metrics");
        if (!result.succeeded()) {
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
        double total = 0;
        for (String line : exposition.split("\n")) {
            Matcher matcher = SAMPLE.matcher(line);
            if (!line.startsWith("#") && matcher.find() && matcher.group(1).equals(metric)) {
                total += Double.parseDouble(matcher.group(3));
            }
        }
        return total;
    }
}
