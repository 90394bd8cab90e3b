package org.flatracoon.lab.backend;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a lab beyond its topology.
 *
 * @param captureFolder when present, every link is captured (pcap) from the moment its first
 *                      node is up until {@link RunningLab#stopCaptures()}, into this folder on the
 *                      machine that runs the Docker engine
 */
public record StartOptions(Optional<Path> captureFolder) {

    public static final StartOptions DEFAULTS = new StartOptions(Optional.empty());

    public StartOptions {
        Objects.requireNonNull(captureFolder, "captureFolder");
    }

    public static StartOptions capturingInto(Path folder) {
        return new StartOptions(Optional.of(folder.toAbsolutePath().normalize()));
    }
}
