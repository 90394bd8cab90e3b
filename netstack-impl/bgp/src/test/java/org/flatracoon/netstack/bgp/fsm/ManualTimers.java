package org.flatracoon.netstack.bgp.fsm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that moves only when the test says so, firing due timers in order. */
public final class ManualTimers implements TimerService {
    private final List<Entry> pending = new ArrayList<>();
    private long now;

    private final class Entry implements Timer {
        final long due;
        final Runnable task;
        boolean cancelled;

        Entry(long due, Runnable task) {
            this.due = due;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
            pending.remove(this);
        }
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
        Entry e = new Entry(now + delayMillis, task);
        pending.add(e);
        return e;
    }

    @Override
    public long nowMillis() {
        return now;
    }

    public void advanceSeconds(double seconds) {
        long until = now + (long) (seconds * 1000);
        while (true) {
            Entry next = pending.stream().filter(e -> e.due <= until).min(Comparator.comparingLong(e -> e.due)).orElse(null);
            if (next == null) {
                break;
            }
            pending.remove(next);
            now = next.due;
            next.task.run();
        }
        now = until;
    }

    public int pendingCount() {
        return pending.size();
    }
}
