package org.flatracoon.netstack.bgp.wire;

import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * One shared instance per distinct attribute set: a million routes with the same attributes hold one object.
 * Weak, so sets that no route uses any more are collected. Not thread-safe: the speaker's event loop owns it.
 */
public final class AttributeInterner {
    private final WeakHashMap<PathAttributes, WeakReference<PathAttributes>> sets = new WeakHashMap<>();

    public PathAttributes intern(PathAttributes attributes) {
        WeakReference<PathAttributes> ref = sets.get(attributes);
        PathAttributes existing = ref == null ? null : ref.get();
        if (existing != null) {
            return existing;
        }
        sets.put(attributes, new WeakReference<>(attributes));
        return attributes;
    }

    public int size() {
        return sets.size();
    }
}
