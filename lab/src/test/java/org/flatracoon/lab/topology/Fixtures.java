package org.flatracoon.lab.topology;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the fixture folders under src/test/resources/topologies (as copied to the classpath). */
final class Fixtures {

    private Fixtures() {
    }

    static Path folder(String name) {
        URL url = Fixtures.class.getResource("/topologies/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture folder topologies/" + name + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
