package org.flatracoon.netstack.dns64.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.flatracoon.netstack.dns64.config.Dns64Config;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.dns64.resolve.Dns64Resolver;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.flatracoon.netstack.dns64.resolve.Synthesis;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import org.flatracoon.netstack.hesiod.wire.WireCheck;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Hostile packets straight into the query processor: the hesiod module's seeded corpus of malformed queries, plus
 * seeded bit flips and cuts of well-formed DNS64 queries. Whatever comes in, nothing is thrown, an answer is a
 * parsable DNS message with the query's id, and a packet that fails the structural check never reaches the resolver.
 */
class QueryProcessorFuzzTest {
    private static final long SEED = 6147;
    private static final Set<Integer> REFUSALS = Set.of(Rcode.FORMERR, Rcode.NOTIMP, Rcode.REFUSED);

    private int resolved;
    private final QueryProcessor processor = new QueryProcessor(new Dns64Resolver(question -> {
        resolved++;
        if (question.type() == Type.A) {
            return new Response(Rcode.NOERROR, false, List.of(Record.fromString(question.name(), Type.A, DClass.IN, 300,
                    "198.51.100.10", Name.root)), List.of(), List.of());
        }
        throw new IOException("no upstream in this test");
    }, new Synthesis(Pref64.parse("fd64:ff9b::/96"), List.of(Ipv6Range.IPV4_MAPPED))), Dns64Config.ANY_CLIENT,
            new Dns64Metrics(new PrometheusRegistry()));

    @Test
    void theMalformedCorpusIsRefusedOrDroppedWithoutReachingTheResolver() throws IOException {
        for (MalformedQueries.Packet p : new MalformedQueries(SEED).take(MalformedQueries.Kind.values().length * 50)) {
            Optional<byte[]> reply = process(p.bytes(), Transport.UDP);
            if (reply.isPresent() && WireCheck.problem(p.bytes()).isPresent()) {
                assertThat(new Message(reply.get()).getRcode()).as(p.kind().name()).isEqualTo(Rcode.FORMERR);
            }
            reply.ifPresent(r -> assertThat(r.length).as(p.kind().name()).isLessThanOrEqualTo(512));
            if (reply.isPresent() && p.kind() != MalformedQueries.Kind.WRONG_CLASS) {
                // TXT questions in class IN are well formed and may be forwarded; everything else is refused
                int rcode = new Message(reply.get()).getRcode();
                assertThat(REFUSALS.contains(rcode) || rcode == Rcode.SERVFAIL).as(p.kind() + " got " + rcode).isTrue();
            }
        }
    }

    @Test
    void mutatedQueriesNeverBreakTheProcessor() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[][] seeds = {query("v4only.lab.test.", Type.AAAA, false), query("ipv4only.arpa.", Type.AAAA, true),
            query("a.0.4.6.3.3.6.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.d.f.ip6.arpa.", Type.PTR, true)};
        int answered = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] packet = seeds[random.nextInt(seeds.length)].clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                packet[random.nextInt(packet.length)] ^= (byte) (1 << random.nextInt(8));
            }
            if (random.nextInt(8) == 0) {
                packet = java.util.Arrays.copyOf(packet, random.nextInt(packet.length + 1));
            }
            for (Transport transport : Transport.values()) {
                Optional<byte[]> reply = process(packet, transport);
                if (reply.isPresent()) {
                    answered++;
                    Message message = new Message(reply.get());
                    assertThat(message.getHeader().getID()).isEqualTo(((packet[0] & 0xFF) << 8) | (packet[1] & 0xFF));
                    assertThat(message.getHeader().getFlag(Flags.QR)).isTrue();
                }
            }
        }
        assertThat(answered).isGreaterThan(10_000);
        assertThat(resolved).isPositive();
    }

    private Optional<byte[]> process(byte[] packet, Transport transport) {
        int before = resolved;
        Optional<byte[]> reply = processor.process(packet, transport, InetAddress.getLoopbackAddress());
        if (WireCheck.problem(packet).isPresent()) {
            assertThat(resolved).as("a malformed packet reached the resolver").isEqualTo(before);
        }
        return reply;
    }

    private static byte[] query(String name, int type, boolean edns) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        if (edns) {
            query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        }
        return query.toWire();
    }
}
