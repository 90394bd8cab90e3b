package org.flatracoon.lab.wait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The wait budgets of budgets.properties, looked up by name ("node readiness" = "node-readiness"). */
public final class Budgets {

    private static final Budgets DEFAULTS = load();

    private final Map<String, Budget> byName;

    private Budgets(Map<String, Budget> byName) {
        this.byName = byName;
    }

    public static Budgets defaults() {
        return DEFAULTS;
    }

    public Budget get(String name) {
        Budget budget = byName.get(normalise(name));
        if (budget == null) {
            throw new IllegalArgumentException(
                    "no wait budget named '" + name + "'; budgets.properties has " + byName.keySet());
        }
        return budget;
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private static Budgets load() {
        Properties properties = new Properties();
        try (InputStream in = Budgets.class.getResourceAsStream("/budgets.properties")) {
            if (in == null) {
                throw new IllegalStateException("budgets.properties is missing from the lab's classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Budget> byName = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).trim();
            try {
                byName.put(normalise(key), new Budget(normalise(key), Duration.parse(value)));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("budgets.properties: " + key + " = " + value
                        + " is not an ISO-8601 duration such as PT30S", e);
            }
        }
        return new Budgets(byName);
    }
}
