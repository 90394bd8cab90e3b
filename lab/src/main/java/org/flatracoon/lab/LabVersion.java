package org.flatracoon.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project version this lab was built with; our images are tagged with it (never `latest`),
 * unless FLATRACOON_IMAGE_TAG names another tag, so that a second checkout (another branch) can
 * build and use its own images without replacing the ones the first one runs.
 */
public final class LabVersion {

    private static final String VERSION = read();
    private static final String IMAGE_TAG = imageTagFrom(System.getenv("FLATRACOON_IMAGE_TAG"));

    private LabVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /** The tag of our images (flatracoon/netstack, host, bind) this lab runs. */
    public static String imageTag() {
        return IMAGE_TAG;
    }

    static String imageTagFrom(String override) {
        if (override == null || override.isBlank()) {
            return VERSION;
        }
        if (!override.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw new IllegalStateException("FLATRACOON_IMAGE_TAG='" + override + "' is not a valid image tag");
        }
        return override;
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
