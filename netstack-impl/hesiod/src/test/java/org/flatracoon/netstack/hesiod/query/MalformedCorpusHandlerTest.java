package org.flatracoon.netstack.hesiod.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries.Kind;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class MalformedCorpusHandlerTest {
    private static final Set<Integer> ALLOWED = Set.of(Rcode.FORMERR, Rcode.REFUSED, Rcode.NOTIMP);

    @Test
    void thousandsOfHostilePacketsGetOnlyErrorsOrSilenceAndGoodQueriesStillWork() throws Exception {
        QueryHandler handler = new QueryHandler(HesiodZones.of(ZoneLoader.load(ZoneLoaderTestAccess.fixture())));
        Map<Kind, Set<Integer>> outcomes = new EnumMap<>(Kind.class);

        for (MalformedQueries.Packet packet : new MalformedQueries(20261126L).take(5_000)) {
            for (Transport transport : Transport.values()) {
                Reply reply = handler.handle(packet.bytes(), transport);
                int outcome = reply.wire().map(w -> (int) (w[3] & 0x0F)).orElse(-1);
                outcomes.computeIfAbsent(packet.kind(), k -> new HashSet<>()).add(outcome);
                if (reply.wire().isPresent()) {
                    byte[] w = reply.wire().get();
                    assertThat(outcome).as("%s over %s", packet.kind(), transport).isIn(ALLOWED);
                    assertThat(w[0]).isEqualTo(packet.bytes()[0]);
                    assertThat(w[1]).isEqualTo(packet.bytes()[1]);
                    assertThat(w[2] & 0x80).as("QR set in the reply").isEqualTo(0x80);
                }
            }
        }

        assertThat(outcomes).containsOnlyKeys(Kind.values());
        assertThat(outcomes.get(Kind.EMPTY)).containsExactly(-1);
        assertThat(outcomes.get(Kind.SHORTER_THAN_HEADER)).containsExactly(-1);
        assertThat(outcomes.get(Kind.QR_SET)).containsExactly(-1);
        assertThat(outcomes.get(Kind.UNKNOWN_OPCODE)).containsExactly(Rcode.NOTIMP);
        assertThat(outcomes.get(Kind.WRONG_CLASS)).containsExactly(Rcode.REFUSED);
        for (Kind formerr : new Kind[] {Kind.HEADER_WITH_BOGUS_COUNTS, Kind.TRUNCATED_QUESTION, Kind.LABEL_TOO_LONG,
            Kind.NAME_TOO_LONG, Kind.POINTER_LOOP, Kind.FORWARD_POINTER, Kind.GARBAGE_AFTER_QUESTION,
            Kind.NO_QUESTION, Kind.TWO_QUESTIONS, Kind.TWO_OPT_RECORDS}) {
            assertThat(outcomes.get(formerr)).as(formerr.name()).containsExactly(Rcode.FORMERR);
        }

        Message good = QueryHandlerTest.query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.IN);
        Message answer = new Message(handler.handle(good.toWire(), Transport.UDP).wire().orElseThrow());
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getSection(org.xbill.DNS.Section.ANSWER)).hasSize(1);
    }
}
