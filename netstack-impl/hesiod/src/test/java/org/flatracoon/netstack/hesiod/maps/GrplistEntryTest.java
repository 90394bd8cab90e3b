package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flatracoon.netstack.hesiod.maps.GrplistEntry.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrplistEntryTest {

    @Test
    void parsesPairs() {
        assertThat(GrplistEntry.parse("staff:1001:wheel:10"))
                .isEqualTo(new GrplistEntry(List.of(new Membership("staff", 1001), new Membership("wheel", 10))));
        assertThat(GrplistEntry.parse("haynes:2638").groups()).containsExactly(new Membership("haynes", 2638));
    }

    @Test
    void roundTrips() {
        assertThat(GrplistEntry.parse("staff:1001:wheel:10").format()).isEqualTo("staff:1001:wheel:10");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "staff:1001:wheel   | expected group:gid pairs, got 3 fields",
        "staff              | expected group:gid pairs, got 1 fields",
        "staff:abc          | gid 'abc' is not a number",
        ":1001              | empty group name",
        "staff:-3           | gid '-3' is negative"
    })
    void rejectsBadPayloads(String txt, String message) {
        assertThatThrownBy(() -> GrplistEntry.parse(txt)).isInstanceOf(HesiodFormatException.class).hasMessage(message);
    }

    @Test
    void emptyPayloadIsRejected() {
        assertThatThrownBy(() -> GrplistEntry.parse("")).hasMessage("expected group:gid pairs, got 1 fields");
        assertThatThrownBy(() -> new GrplistEntry(List.of())).hasMessage("empty grplist");
    }
}
