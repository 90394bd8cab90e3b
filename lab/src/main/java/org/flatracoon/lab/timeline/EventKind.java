package org.flatracoon.lab.timeline;

/** What a timeline entry records. */
public enum EventKind {
    /** A scenario step started or finished. */
    STEP,
    /** A fault was applied to the lab, or undone. */
    FAULT,
    /** A probe observed something (a lookup, a ping, a route). */
    PROBE,
    /** A wait for an eventual outcome ended, with how long it took. */
    WAIT,
    /** Anything else worth reading next to the rest (a skipped check and its reason). */
    NOTE
}
