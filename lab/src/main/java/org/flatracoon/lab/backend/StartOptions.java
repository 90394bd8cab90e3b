package org.flatracoon.lab.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a lab beyond its topology.
 *
 * @param captureFolder when present, every link is captured (pcap) from the moment its first
 *                      node is up until {@link RunningLab#stopCaptures()}, into this folder on the
 *                      machine that runs the Docker engine
 * @param waitForAddresses how long to wait while a lab this process runs has the same name or
 *                      overlapping subnets (parallel scenarios take turns); zero refuses at once
 */
public record StartOptions(Optional<Path> captureFolder, Duration waitForAddresses) {

    public static final StartOptions DEFAULTS = new StartOptions(Optional.empty(), Duration.ZERO);

    public StartOptions {
        Objects.requireNonNull(captureFolder, "captureFolder");
        Objects.requireNonNull(waitForAddresses, "waitForAddresses");
    }

    public static StartOptions capturingInto(Path folder) {
        return DEFAULTS.withCaptureFolder(folder);
    }

    public StartOptions withCaptureFolder(Path folder) {
        return new StartOptions(Optional.of(folder.toAbsolutePath().normalize()), waitForAddresses);
    }

    public StartOptions waitingForAddresses(Duration atMost) {
        return new StartOptions(captureFolder, atMost);
    }
}
