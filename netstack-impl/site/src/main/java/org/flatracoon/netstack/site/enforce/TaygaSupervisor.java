package org.flatracoon.netstack.site.enforce;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Tayga in the foreground and starts it again whenever it dies: a site whose NAT64 stays down
 * until someone notices is worse than one that recovers by itself. Restarts back off from 1 s,
 * doubling to at most 30 s while Tayga keeps dying quickly, and start again from 1 s once it has run
 * for a minute. Tayga gets a data-dir for its dynamic map, but 0.9.2 writes it only now and then, so a
 * restarted Tayga may map a host to another pool address: new connections work, old ones may not.
 */
public final class TaygaSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("site.tayga");
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofMinutes(1);

    /** What /ipv6/health and /metrics say about Tayga. */
    public record Status(boolean running, Optional<Long> pid, long restarts, Optional<Integer> lastExitCode,
            Optional<Instant> lastExit) {
    }

    private final List<String> command;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tayga-supervisor");
        t.setDaemon(true);
        return t;
    });
    private Process process;
    private Instant startedAt;
    private Duration backoff = FIRST_BACKOFF;
    private long restarts;
    private Integer lastExitCode;
    private Instant lastExit;
    private boolean closed;

    public TaygaSupervisor(Path config) {
        this.command = List.of("tayga", "-c", config.toString(), "-d");
    }

    public synchronized void start() throws IOException {
        process = new ProcessBuilder(command).inheritIO().start();
        startedAt = Instant.now();
        LOG.info("tayga started (pid {})", process.pid());
        Process watched = process;
        watched.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(Process dead) {
        if (dead != process || closed) {
            return;
        }
        lastExitCode = dead.exitValue();
        lastExit = Instant.now();
        backoff = Duration.between(startedAt, lastExit).compareTo(STABLE) >= 0 ? FIRST_BACKOFF : backoff;
        LOG.warn("tayga (pid {}) exited with {}; starting it again in {} ms", dead.pid(), lastExitCode, backoff.toMillis());
        timer.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private synchronized void restart() {
        if (closed) {
            return;
        }
        try {
            restarts++;
            start();
        } catch (IOException e) {
            LOG.error("tayga could not be started again: {}; retrying in {} ms", e.getMessage(), backoff.toMillis());
            timer.schedule(this::restart, backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized Status status() {
        boolean running = process != null && process.isAlive();
        return new Status(running, running ? Optional.of(process.pid()) : Optional.empty(), restarts,
                Optional.ofNullable(lastExitCode), Optional.ofNullable(lastExit));
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        if (process != null) {
            process.destroy();
        }
    }
}
