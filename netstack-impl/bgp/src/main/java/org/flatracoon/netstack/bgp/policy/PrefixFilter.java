package org.flatracoon.netstack.bgp.policy;

import java.util.List;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Prefixes;

/** A prefix list: entries {@code PREFIX [ge N] [le N]}; a prefix matches if any entry covers it. */
public record PrefixFilter(String name, List<Entry> entries) {
    public PrefixFilter {
        entries = List.copyOf(entries);
    }

    /** Covers prefixes inside {@code hi/lo/length} whose length is in [ge, le]. */
    public record Entry(Family family, long hi, long lo, int length, int ge, int le) {
        boolean matches(Family f, long h, long l, int len) {
            return f == family && len >= ge && len <= le
                    && Prefixes.maskHi(f, h, length) == hi && Prefixes.maskLo(f, l, length) == lo;
        }

        @Override
        public String toString() {
            String text = Prefixes.format(family, hi, lo, length);
            if (ge != length) {
                text += " ge " + ge;
            }
            if (le != length) {
                text += " le " + le;
            }
            return text;
        }
    }

    public boolean matches(Family family, long hi, long lo, int length) {
        for (Entry e : entries) {
            if (e.matches(family, hi, lo, length)) {
                return true;
            }
        }
        return false;
    }
}
