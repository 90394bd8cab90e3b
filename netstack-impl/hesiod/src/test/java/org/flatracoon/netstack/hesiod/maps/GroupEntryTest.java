package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupEntryTest {

    @Test
    void parsesMembers() {
        assertThat(GroupEntry.parse("operators:*:1001:admin,operator"))
                .isEqualTo(new GroupEntry("operators", "*", 1001, List.of("admin", "operator")));
    }

    @Test
    void emptyMemberListIsATrailingColon() {
        GroupEntry empty = GroupEntry.parse("empty:*:9999:");
        assertThat(empty.members()).isEmpty();
        assertThat(empty.format()).isEqualTo("empty:*:9999:");
    }

    @Test
    void roundTrips() {
        for (String txt : List.of("operators:*:1001:admin,operator", "haynes:*:2638:", "staff:x:0:jdoe")) {
            assertThat(GroupEntry.parse(txt).format()).isEqualTo(txt);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "staff:*:1001                 | expected 4 fields, got 3",
        "staff:*:1001:a:b             | expected 4 fields, got 5",
        ":*:1001:a                    | empty group name",
        "staff:*:x1:a                 | gid 'x1' is not a number",
        "staff:*:-1:a                 | gid '-1' is negative",
        "staff:*:4294967296:a         | gid '4294967296' is out of range (0..4294967295)",
        "staff:*:1:a,,b               | empty member name in member list",
        "staff:*:1:a,                 | empty member name in member list"
    })
    void rejectsBadPayloads(String txt, String message) {
        assertThatThrownBy(() -> GroupEntry.parse(txt)).isInstanceOf(HesiodFormatException.class).hasMessage(message);
    }

    @Test
    void serviceTextIsNotAGroup() {
        // original aspect test: a service payload parsed as a group fails
        assertThatThrownBy(() -> GroupEntry.parse("zephyr udp 2102")).hasMessage("expected 4 fields, got 1");
    }
}
