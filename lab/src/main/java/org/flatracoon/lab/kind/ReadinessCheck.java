package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.LabNode;

/** Asks a started node whether it does its job yet. Must be cheap: the lab polls it. */
@FunctionalInterface
public interface ReadinessCheck {

    Readiness check(LabNode node);

    /** Whether a node is ready, and what was seen (shown when the readiness budget runs out). */
    record Readiness(boolean ready, String detail) {

        public static Readiness ready(String detail) {
            return new Readiness(true, detail);
        }

        public static Readiness notYet(String detail) {
            return new Readiness(false, detail);
        }

        @Override
        public String toString() {
            return detail;
        }
    }
}
