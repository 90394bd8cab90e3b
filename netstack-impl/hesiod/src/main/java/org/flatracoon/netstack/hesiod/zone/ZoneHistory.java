package org.flatracoon.netstack.hesiod.zone;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The changes a zone went through since its zone file was loaded, newest first, as an immutable linked list:
 * adding a change is O(1) and shares everything before it, so every zone snapshot can carry its own history.
 */
public final class ZoneHistory {
    private static final ZoneHistory EMPTY = new ZoneHistory(null, null, 0);

    private final ZoneDelta newest;
    private final ZoneHistory before;
    private final int size;

    private ZoneHistory(ZoneDelta newest, ZoneHistory before, int size) {
        this.newest = newest;
        this.before = before;
        this.size = size;
    }

    public static ZoneHistory empty() {
        return EMPTY;
    }

    public static ZoneHistory of(List<ZoneDelta> oldestFirst) {
        ZoneHistory h = EMPTY;
        for (ZoneDelta d : oldestFirst) {
            h = h.plus(d);
        }
        return h;
    }

    public ZoneHistory plus(ZoneDelta delta) {
        return new ZoneHistory(delta, this, size + 1);
    }

    public int size() {
        return size;
    }

    /**
     * The changes, oldest first, that lead from {@code serial} to the newest; empty if the history does not
     * reach back that far (the caller then sends the whole zone). An empty list if {@code serial} is the newest.
     */
    public Optional<List<ZoneDelta>> since(long serial) {
        Deque<ZoneDelta> path = new ArrayDeque<>();
        for (ZoneHistory h = this; h.newest != null; h = h.before) {
            if (h.newest.toSerial() == serial) {
                return Optional.of(List.copyOf(path));
            }
            path.addFirst(h.newest);
            if (h.newest.fromSerial() == serial) {
                return Optional.of(List.copyOf(path));
            }
        }
        return Optional.empty();
    }
}
