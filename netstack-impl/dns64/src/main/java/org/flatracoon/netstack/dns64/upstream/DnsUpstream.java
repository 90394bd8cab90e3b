package org.flatracoon.netstack.dns64.upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.flatracoon.netstack.dns64.resolve.Question;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.flatracoon.netstack.dns64.resolve.Upstream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/**
 * Asks recursive resolvers over DNS, in the configured order: UDP with EDNS (payload 1232, DO and CD as the client
 * set them), TCP when the answer is truncated (dnsjava's {@link SimpleResolver} does the retry). A server that does
 * not answer in time, or answers SERVFAIL or REFUSED, makes us try the next one; the last answer or error stands.
 */
public final class DnsUpstream implements Upstream {
    /** Told of every exchange with an upstream server, for the metrics. */
    public interface Listener {
        void upstreamAnswered(InetSocketAddress server, int rcode, long nanos);

        void upstreamFailed(InetSocketAddress server, String reason, long nanos);
    }

    private static final int PAYLOAD_SIZE = 1232;

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final Listener listener;

    public DnsUpstream(List<InetSocketAddress> servers, Duration timeout, Listener listener) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one upstream server is needed");
        }
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.listener = listener;
    }

    @Override
    public Response ask(Question question) throws IOException {
        IOException failure = null;
        Response last = null;
        for (InetSocketAddress server : servers) {
            long start = System.nanoTime();
            try {
                Message reply = resolver(server).send(query(question));
                listener.upstreamAnswered(server, reply.getRcode(), System.nanoTime() - start);
                last = Response.of(reply);
                if (last.rcode() != Rcode.SERVFAIL && last.rcode() != Rcode.REFUSED) {
                    return last;
                }
            } catch (IOException e) {
                listener.upstreamFailed(server, reason(e), System.nanoTime() - start);
                failure = e;
            }
        }
        if (last != null) {
            return last;
        }
        throw new IOException("no answer from " + servers + " for " + question + ": " + failure.getMessage(), failure);
    }

    static Message query(Question question) {
        Message query = Message.newQuery(Record.newRecord(question.name(), question.type(), DClass.IN));
        if (question.checkingDisabled()) {
            query.getHeader().setFlag(Flags.CD);
        }
        query.addRecord(new OPTRecord(PAYLOAD_SIZE, 0, 0, question.dnssecOk() ? ExtendedFlags.DO : 0),
                Section.ADDITIONAL);
        return query;
    }

    private SimpleResolver resolver(InetSocketAddress server) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout);
        return resolver;
    }

    /** dnsjava reports a timeout as a plain IOException ("Timed out …") or a SocketTimeoutException. */
    static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (text.contains("timeout") || text.contains("timed out")) {
                return "timeout";
            }
        }
        return "io";
    }
}
