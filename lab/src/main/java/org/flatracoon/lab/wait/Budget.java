package org.flatracoon.lab.wait;

import java.time.Duration;

/** A named upper bound for waiting on an eventual outcome. */
public record Budget(String name, Duration limit) {

    @Override
    public String toString() {
        return "the " + name + " budget (" + limit.toMillis() / 1000.0 + " s)";
    }
}
