package org.flatracoon.lab.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flatracoon.lab.backend.Direction;
import org.flatracoon.lab.backend.Partition;
import org.flatracoon.lab.backend.Rate;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.fault.FaultEntry;
import org.flatracoon.lab.fault.UnsupportedFaultException;

/**
 * Plays a fault schedule on a running lab: each fault at the same offset from lab-ready as in
 * the original run (or at once, if applying the earlier ones took longer than it did then).
 */
public final class FaultPlayer {

    private final RunningLab lab;
    private final Consumer<String> out;
    private final Map<Set<String>, Partition> partitions = new HashMap<>();

    public FaultPlayer(RunningLab lab, Consumer<String> out) {
        this.lab = lab;
        this.out = out;
    }

    /** Applies every entry in order; an entry the machine cannot apply is reported and the rest still played. */
    public void play(List<FaultEntry> schedule) {
        Instant ready = lab.faults().ready();
        for (FaultEntry entry : schedule) {
            waitUntil(ready.plus(entry.offset()));
            int before = lab.faults().schedule().size();
            try {
                apply(entry);
            } catch (UnsupportedFaultException e) {
                // recorded by the journal as skipped; the original run skipped it too, most likely
            }
            List<FaultEntry> done = lab.faults().schedule();
            String planned = String.format(java.util.Locale.ROOT, "   (planned +%.3f s)", entry.offset().toMillis() / 1000.0);
            out.accept(done.size() > before ? done.get(done.size() - 1).describe() + planned
                    : "not applied: " + entry.describe() + planned);
        }
    }

    private void apply(FaultEntry entry) {
        List<String> t = entry.target();
        Map<String, String> p = entry.params();
        switch (entry.action()) {
            case LINK_DOWN -> lab.link(t.get(0), t.get(1)).down();
            case LINK_UP -> lab.link(t.get(0), t.get(1)).up();
            case LINK_BLACKHOLE -> lab.link(t.get(0), t.get(1)).blackhole();
            case LINK_LOSS -> lab.link(t.get(0), t.get(1)).loss(Double.parseDouble(p.get("percent")), direction(p));
            case LINK_RATE -> lab.link(t.get(0), t.get(1)).rateLimit(Rate.parse(p.get("rate")), direction(p));
            case LINK_DELAY -> lab.link(t.get(0), t.get(1)).delay(Duration.ofMillis(Long.parseLong(p.get("delay_ms"))),
                    Duration.ofMillis(Long.parseLong(p.getOrDefault("jitter_ms", "0"))));
            case LINK_CLEAR -> lab.link(t.get(0), t.get(1)).clear();
            case PARTITION -> partitions.put(new TreeSet<>(t), lab.partition(Set.copyOf(t)));
            case HEAL -> {
                Partition partition = partitions.remove(new TreeSet<>(t));
                if (partition != null) {
                    partition.heal();
                } else {
                    lab.healPartitions();
                }
            }
            case NODE_KILL -> lab.node(t.get(0)).kill();
            case NODE_STOP -> lab.node(t.get(0)).stop();
            case NODE_START -> lab.node(t.get(0)).start();
            case NODE_RESTART -> lab.node(t.get(0)).restart();
            case NODE_PAUSE -> lab.node(t.get(0)).pause();
            case NODE_UNPAUSE -> lab.node(t.get(0)).unpause();
        }
    }

    private static Direction direction(Map<String, String> params) {
        return params.containsKey("from") ? Direction.from(params.get("from")) : Direction.BOTH;
    }

    /** The schedule is the requirement here: the fault is due at this instant, not when something is observed. */
    private static void waitUntil(Instant due) {
        long nanos = Duration.between(Instant.now(), due).toNanos();
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next fault of the schedule", e);
            }
        }
    }
}
