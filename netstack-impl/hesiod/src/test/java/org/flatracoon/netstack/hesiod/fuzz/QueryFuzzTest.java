package org.flatracoon.netstack.hesiod.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.flatracoon.netstack.hesiod.query.QueryHandler;
import org.flatracoon.netstack.hesiod.query.Reply;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;

/**
 * A seeded, deterministic mutation fuzzer for {@link QueryHandler#handle}: valid queries and the hostile corpus are
 * mutated (bit flips, insertions, deletions, truncation, count fields, label lengths, compression pointers, …) and
 * every reply is checked:
 *
 * <ul>
 *   <li>no exception escapes; each call returns within {@value #DEADLINE_MILLIS} ms (a slower call is retried twice
 *       before it counts, so that a GC pause is not taken for a hang; a call that never returns is caught by a
 *       watchdog);</li>
 *   <li>nothing is sent only for packets shorter than a header or with QR set;</li>
 *   <li>a reply parses with dnsjava, has the query's id, QR set, an RCODE in {NOERROR, NXDOMAIN, FORMERR, REFUSED,
 *       NOTIMP, BADVERS}, and fits the transport (512 bytes over UDP without EDNS, the EDNS size capped at 1232 with
 *       it, 65535 over TCP).</li>
 * </ul>
 *
 * {@code -Dfuzz.seed=N} repeats a run (the seed is in every failure message), {@code -Dfuzz.iterations=N} sets its
 * length (default {@value #DEFAULT_ITERATIONS}). A failing input is printed as hex: save it under
 * {@code src/test/resources/fuzz/} to keep it as a regression packet.
 */
class QueryFuzzTest {
    static final long DEFAULT_SEED = 20_261_126L;
    static final int DEFAULT_ITERATIONS = 200_000;
    static final long DEADLINE_MILLIS = 100;
    /** A call still running after this long is a hang, whatever else is going on. */
    static final long WATCHDOG_MILLIS = 10_000;
    static final Set<Integer> ALLOWED_RCODES =
            Set.of(Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.FORMERR, Rcode.REFUSED, Rcode.NOTIMP, Rcode.BADVERS);

    private static QueryHandler handler;

    @BeforeAll
    static void loadZone() throws Exception {
        handler = new QueryHandler(HesiodZones.of(ZoneLoader.load(fixture())));
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(QueryFuzzTest.class.getResource("/hesiod.zone").toURI());
    }

    @Test
    void mutatedQueriesNeverBreakTheHandler() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int iterations = Integer.getInteger("fuzz.iterations", DEFAULT_ITERATIONS);
        List<byte[]> corpus = new ArrayList<>(FuzzCorpus.validQueries());
        corpus.addAll(FuzzCorpus.malformed(seed));
        FuzzCorpus.regressionPackets().forEach(e -> corpus.add(e.bytes()));

        Run run = new Run(seed, iterations, corpus);
        Thread worker = new Thread(run, "query-fuzzer");
        worker.setDaemon(true); // a hung handler must not keep the test JVM alive
        worker.start();
        while (worker.isAlive()) {
            worker.join(WATCHDOG_MILLIS / 10);
            long started = run.callStarted;
            if (started != 0 && System.nanoTime() - started > WATCHDOG_MILLIS * 1_000_000L) {
                throw new AssertionError("QueryHandler.handle hung for more than " + WATCHDOG_MILLIS + " ms "
                        + run.context() + "\n" + FuzzCorpus.toHex(run.current));
            }
        }
        if (run.failure.get() != null) {
            throw run.failure.get();
        }
        System.out.printf("query fuzzer: seed %d, %d iterations in %d ms, slowest call %.2f ms, rcodes %s%n",
                seed, iterations, run.elapsedMillis, run.slowestNanos / 1e6, run.rcodeNames());
        assertThat(run.done).isEqualTo(iterations);
        // the mutations reach past the wire check: real answers and every kind of error come back
        assertThat(run.rcodes.keySet()).contains(Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.FORMERR, Rcode.REFUSED,
                Rcode.NOTIMP, Rcode.BADVERS);
        assertThat(run.mutations).containsOnlyKeys(QueryMutator.Mutation.values());
    }

    @Test
    void checkedInPacketsGetTheirExpectedOutcome() {
        List<FuzzCorpus.Entry> entries = FuzzCorpus.regressionPackets();
        assertThat(entries).isNotEmpty();
        for (FuzzCorpus.Entry entry : entries) {
            for (Transport transport : Transport.values()) {
                Reply reply = handler.handle(entry.bytes(), transport);
                String context = entry.name() + " over " + transport;
                check(entry.bytes(), transport, reply, context);
                String outcome = reply.wire().map(w -> Rcode.string(parse(w, context).getRcode())).orElse("drop");
                entry.expect().ifPresent(e -> assertThat(outcome).as(context).isEqualTo(e));
            }
        }
    }

    /** The invariants of one reply; throws AssertionError with {@code context} if one does not hold. */
    static void check(byte[] query, Transport transport, Reply reply, String context) {
        Optional<byte[]> wire = reply.wire();
        if (wire.isEmpty()) {
            boolean droppable = query.length < 12 || (query[2] & 0x80) != 0;
            if (!droppable) {
                throw new AssertionError("no reply to a packet with a header and QR clear " + context);
            }
            return;
        }
        byte[] w = wire.get();
        Message message = parse(w, context);
        int id = (query[0] & 0xFF) << 8 | (query[1] & 0xFF);
        if (message.getHeader().getID() != id) {
            throw new AssertionError("reply id " + message.getHeader().getID() + " != query id " + id + " " + context);
        }
        if (!message.getHeader().getFlag(Flags.QR)) {
            throw new AssertionError("QR not set in the reply " + context);
        }
        int rcode = message.getRcode();
        if (!ALLOWED_RCODES.contains(rcode)) {
            throw new AssertionError("RCODE " + Rcode.string(rcode) + " " + context);
        }
        int limit = limit(query, transport);
        if (w.length > limit) {
            throw new AssertionError("reply of " + w.length + " bytes exceeds the " + transport + " limit " + limit
                    + " " + context);
        }
    }

    /** 65535 over TCP; over UDP 512, or the query's EDNS size capped at 1232 (never below 512). */
    static int limit(byte[] query, Transport transport) {
        if (transport == Transport.TCP) {
            return 65_535;
        }
        OPTRecord opt = null;
        try {
            opt = new Message(query).getOPT();
        } catch (IOException | RuntimeException e) {
            // not parsable as a whole: the server cannot have used its EDNS size either
        }
        return opt == null ? 512 : Math.max(512, Math.min(opt.getPayloadSize(), QueryHandler.EDNS_PAYLOAD_SIZE));
    }

    static Message parse(byte[] wire, String context) {
        try {
            return new Message(wire);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("reply does not parse (" + e + ") " + context + "\nreply:\n" + FuzzCorpus.toHex(wire));
        }
    }

    /** The fuzzing loop, on its own thread so that a hang can be reported. */
    static final class Run implements Runnable {
        final long seed;
        final int iterations;
        final List<byte[]> corpus;
        final AtomicReference<AssertionError> failure = new AtomicReference<>();
        final Map<Integer, Integer> rcodes = new TreeMap<>();
        final Map<QueryMutator.Mutation, Integer> mutations = new EnumMap<>(QueryMutator.Mutation.class);
        volatile long callStarted;
        volatile byte[] current = new byte[0];
        volatile int iteration;
        volatile List<QueryMutator.Mutation> applied = List.of();
        int done;
        long slowestNanos;
        long elapsedMillis;

        Run(long seed, int iterations, List<byte[]> corpus) {
            this.seed = seed;
            this.iterations = iterations;
            this.corpus = corpus;
        }

        String context() {
            return "(seed " + seed + ", iteration " + iteration + ", mutations " + applied
                    + "; repeat with -Dfuzz.seed=" + seed + " -Dfuzz.iterations=" + (iteration + 1) + ")\ninput:";
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            SplittableRandom random = new SplittableRandom(seed);
            QueryMutator mutator = new QueryMutator(random, corpus);
            try {
                for (int i = 0; i < iterations; i++) {
                    iteration = i;
                    byte[] base = corpus.get(random.nextInt(corpus.size()));
                    List<QueryMutator.Mutation> list = new ArrayList<>(4);
                    // one input in 20 goes in unmutated, so that the corpus itself is checked too
                    byte[] packet = random.nextInt(20) == 0 ? base.clone() : mutator.mutate(base, list);
                    list.forEach(m -> mutations.merge(m, 1, Integer::sum));
                    applied = list;
                    current = packet;
                    Transport transport = random.nextInt(4) == 0 ? Transport.TCP : Transport.UDP;
                    Reply reply = timedHandle(packet, transport);
                    check(packet, transport, reply, context() + "\n" + FuzzCorpus.toHex(packet));
                    rcodes.merge(reply.wire().isPresent() ? reply.rcode() : -1, 1, Integer::sum);
                    done++;
                }
            } catch (AssertionError e) {
                failure.set(e);
            } catch (RuntimeException e) {
                failure.set(new AssertionError("QueryHandler.handle threw " + e + " " + context() + "\n"
                        + FuzzCorpus.toHex(current), e));
            } finally {
                callStarted = 0;
                elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            }
        }

        /** Calls the handler; a call over the deadline is tried twice more, and fails only if it is always slow. */
        private Reply timedHandle(byte[] packet, Transport transport) {
            long fastest = Long.MAX_VALUE;
            Reply reply = null;
            for (int attempt = 0; attempt < 3 && fastest > DEADLINE_MILLIS * 1_000_000L; attempt++) {
                byte[] copy = packet.clone(); // the handler must not depend on (or change) our buffer
                long t0 = System.nanoTime();
                callStarted = t0;
                reply = handler.handle(copy, transport);
                long t = System.nanoTime() - t0;
                callStarted = 0;
                fastest = Math.min(fastest, t);
            }
            slowestNanos = Math.max(slowestNanos, fastest);
            if (fastest > DEADLINE_MILLIS * 1_000_000L) {
                throw new AssertionError("QueryHandler.handle took " + fastest / 1_000_000 + " ms (deadline "
                        + DEADLINE_MILLIS + " ms) " + context() + "\n" + FuzzCorpus.toHex(packet));
            }
            return reply;
        }

        String rcodeNames() {
            Map<String, Integer> named = new TreeMap<>();
            rcodes.forEach((k, v) -> named.put(k < 0 ? "dropped" : Rcode.string(k), v));
            return named.toString();
        }
    }
}
