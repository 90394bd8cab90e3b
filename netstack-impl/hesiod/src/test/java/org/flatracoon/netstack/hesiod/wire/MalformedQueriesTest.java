package org.flatracoon.netstack.hesiod.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries.Kind;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries.Packet;
import org.junit.jupiter.api.Test;

class MalformedQueriesTest {

    @Test
    void sameSeedSamePackets() {
        List<Packet> a = new MalformedQueries(7).take(200);
        List<Packet> b = new MalformedQueries(7).take(200);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).kind()).isEqualTo(b.get(i).kind());
            assertThat(a.get(i).bytes()).isEqualTo(b.get(i).bytes());
        }
    }

    @Test
    void differentSeedsDiffer() {
        Packet a = new MalformedQueries(1).take(10).get(9); // RANDOM_BYTES
        Packet b = new MalformedQueries(2).take(10).get(9);
        assertThat(a.kind()).isEqualTo(Kind.RANDOM_BYTES);
        assertThat(a.bytes()).isNotEqualTo(b.bytes());
    }

    @Test
    void everyKindAppearsInOneRound() {
        assertThat(new MalformedQueries(3).take(Kind.values().length)).extracting(Packet::kind)
                .containsExactly(Kind.values());
    }

    @Test
    void structurallyBrokenKindsFailTheWireCheck() {
        List<Kind> broken = List.of(Kind.EMPTY, Kind.SHORTER_THAN_HEADER, Kind.HEADER_WITH_BOGUS_COUNTS,
                Kind.TRUNCATED_QUESTION, Kind.LABEL_TOO_LONG, Kind.NAME_TOO_LONG, Kind.POINTER_LOOP,
                Kind.FORWARD_POINTER, Kind.GARBAGE_AFTER_QUESTION);
        for (Packet p : new MalformedQueries(11).take(Kind.values().length * 20)) {
            if (broken.contains(p.kind())) {
                assertThat(WireCheck.problem(p.bytes())).as(p.kind().name()).isPresent();
            }
        }
    }

    @Test
    void oversizedPacketsReallyAreOversized() {
        new MalformedQueries(5).take(Kind.values().length * 5).stream()
                .filter(p -> p.kind() == Kind.GARBAGE_AFTER_QUESTION)
                .forEach(p -> assertThat(p.bytes().length).isGreaterThan(4096));
    }
}
