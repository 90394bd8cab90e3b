package org.flatracoon.lab.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.flatracoon.lab.timeline.TimelineEvent;

/**
 * Every fault applied to one running lab, in order, each with its offset from the moment the lab
 * was ready (the schedule a replay plays again), and the faults still in force with how to undo
 * them. Each action is also recorded on the scenario's {@link Timeline}.
 */
public final class FaultJournal {

    /** How to undo one fault still in force. */
    private record Held(String description, Runnable undo, boolean undoOnClose) {
    }

    private final List<FaultEntry> entries = new ArrayList<>();
    private final Map<String, Held> inForce = new LinkedHashMap<>();
    private volatile Instant ready = Instant.now();

    /** The lab is ready from now on: offsets count from here. */
    public void markReady() {
        ready = Instant.now();
    }

    public Instant ready() {
        return ready;
    }

    /**
     * Runs {@code action}, timing it, and records it (schedule and timeline) whether it succeeded,
     * was unsupported or failed; failures are rethrown.
     */
    public void perform(FaultAction action, List<String> target, Map<String, String> params, String subject,
            String detail, Runnable apply) {
        Instant start = Instant.now();
        String outcome = FaultEntry.APPLIED;
        try {
            apply.run();
        } catch (RuntimeException e) {
            outcome = (e instanceof UnsupportedFaultException ? "skipped: " : "failed: ") + e.getMessage();
            throw e;
        } finally {
            Duration took = Duration.between(start, Instant.now());
            FaultEntry entry = new FaultEntry(Duration.between(ready, start), action, target, params, outcome, took);
            synchronized (this) {
                entries.add(entry);
            }
            Map<String, String> data = new LinkedHashMap<>(params);
            data.put("action", action.words());
            data.put("offset_ms", String.valueOf(entry.offset().toMillis()));
            data.put("took_ms", String.valueOf(took.toMillis()));
            data.put("outcome", outcome);
            Timeline.current().record(TimelineEvent.of(EventKind.FAULT, subject,
                    outcome.equals(FaultEntry.APPLIED) ? detail : detail + " — " + outcome).with(data));
        }
    }

    /** Remembers how to undo a fault now in force under {@code key}; a later hold under the same key replaces it. */
    public synchronized void hold(String key, String description, Runnable undo) {
        inForce.remove(key); // re-insert at the end: undo runs in reverse order of application
        inForce.put(key, new Held(description, undo, true));
    }

    /**
     * Like {@link #hold} for a fault whose undo the lab's removal makes moot (a stopped node is not
     * started again only to be removed); it is still undone by {@link #undoAll()}.
     */
    public synchronized void holdUntilRemoval(String key, String description, Runnable undo) {
        inForce.remove(key);
        inForce.put(key, new Held(description, undo, false));
    }

    /** The faults under these keys are no longer in force (undone by the user, or gone with their node). */
    public synchronized void release(Predicate<String> keys) {
        inForce.keySet().removeIf(keys);
    }

    /** The faults in force, oldest first, described for people. */
    public synchronized List<String> inForce() {
        return inForce.values().stream().map(Held::description).toList();
    }

    /** Every action so far, in order. */
    public synchronized List<FaultEntry> schedule() {
        return List.copyOf(entries);
    }

    /** Undoes every fault in force, newest first; returns what could not be undone. */
    public List<String> undoAll() {
        return undo(held -> true);
    }

    /** Undoes what the lab's removal does not undo by itself, newest first; returns what could not be undone. */
    public List<String> undoBeforeRemoval() {
        return undo(Held::undoOnClose);
    }

    private List<String> undo(Predicate<Held> which) {
        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, Held>> newestFirst;
        synchronized (this) {
            newestFirst = new ArrayList<>(inForce.entrySet());
        }
        java.util.Collections.reverse(newestFirst);
        for (Map.Entry<String, Held> held : newestFirst) {
            if (!which.test(held.getValue())) {
                continue;
            }
            try {
                held.getValue().undo().run(); // the undo is a lab operation: it records and releases itself
            } catch (RuntimeException e) {
                problems.add(held.getValue().description() + ": " + e.getMessage());
            }
            release(held.getKey()::equals);
        }
        return problems;
    }
}
