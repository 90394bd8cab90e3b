package org.flatracoon.netstack.dns64.cache;

import java.io.IOException;
import java.util.Optional;
import org.flatracoon.netstack.dns64.resolve.Question;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.flatracoon.netstack.dns64.resolve.Upstream;

/** An upstream behind the answer cache: a hit is answered from memory, a miss is asked and stored. */
public final class CachingUpstream implements Upstream {
    /** Told of every lookup, for the metrics. */
    public interface Listener {
        void cacheLookup(boolean hit);
    }

    private final Upstream upstream;
    private final AnswerCache cache;
    private final Listener listener;

    public CachingUpstream(Upstream upstream, AnswerCache cache, Listener listener) {
        this.upstream = upstream;
        this.cache = cache;
        this.listener = listener;
    }

    @Override
    public Response ask(Question question) throws IOException {
        Optional<Response> cached = cache.get(question);
        listener.cacheLookup(cached.isPresent());
        if (cached.isPresent()) {
            return cached.get();
        }
        Response response = upstream.ask(question);
        cache.put(question, response);
        return response;
    }
}
