package org.flatracoon.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version this lab was built with; our images are tagged with it (never `latest`). */
public final class LabVersion {

    private static final String VERSION = read();

    private LabVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = LabVersion.class.getResourceAsStream("/lab.properties")) {
            if (in == null) {
                throw new IllegalStateException("lab.properties is missing from the lab's classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
