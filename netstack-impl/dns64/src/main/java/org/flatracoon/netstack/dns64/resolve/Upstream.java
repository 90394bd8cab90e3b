package org.flatracoon.netstack.dns64.resolve;

import java.io.IOException;

/** Where questions we cannot answer ourselves go: a recursive resolver, possibly behind our cache. */
@FunctionalInterface
public interface Upstream {
    /**
     * The upstream's response to {@code question} (any RCODE).
     *
     * @throws IOException if no upstream server answered in time
     */
    Response ask(Question question) throws IOException;
}
