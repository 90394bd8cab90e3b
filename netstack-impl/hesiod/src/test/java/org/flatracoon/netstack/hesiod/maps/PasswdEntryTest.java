package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswdEntryTest {

    @Test
    void parsesAllSevenFields() {
        PasswdEntry e = PasswdEntry.parse("jdoe:*:1001:1002:Jane Doe,,,:/home/jdoe:/bin/bash");

        assertThat(e).isEqualTo(new PasswdEntry("jdoe", "*", 1001, 1002, "Jane Doe,,,", "/home/jdoe", "/bin/bash"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "admin:*:1000:1000:FlatRacoon Admin:/home/admin:/bin/bash", // original passwd_round_trip
        "systest:*:13891:101:Test Account Systems + Operation,,,:/mit/systest:/bin/athena/tcsh",
        "nobody:x:4294967295:4294967295:::",                         // u32::MAX ids, empty gecos/home/shell
        "  spaced :*:1:1:  keeps  whitespace  :/h:/bin/sh "           // whitespace is data, not trimmed
    })
    void formatGivesBackTheInput(String txt) {
        assertThat(PasswdEntry.parse(txt).format()).isEqualTo(txt);
        assertThat(PasswdEntry.parse(PasswdEntry.parse(txt).format())).isEqualTo(PasswdEntry.parse(txt));
    }

    @Test
    void longGecosRoundTrips() {
        String gecos = "g".repeat(4096);
        PasswdEntry e = new PasswdEntry("u", "*", 1, 1, gecos, "/h", "/bin/sh");
        assertThat(PasswdEntry.parse(e.format())).isEqualTo(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdoe:*:1001:1001:Jane:/home/jdoe                  | expected 7 fields, got 6",
        "jdoe:*:1001:1001:Jane: Doe:/home/jdoe:/bin/bash   | expected 7 fields, got 8",
        "''                                                | expected 7 fields, got 1",
        ":*:1001:1001:Jane:/home/jdoe:/bin/bash            | empty user name",
        "jdoe:*:abc:1001:Jane:/home/jdoe:/bin/bash         | uid 'abc' is not a number",
        "jdoe:*::1001:Jane:/home/jdoe:/bin/bash            | uid '' is not a number",
        "jdoe:*:-1:1001:Jane:/home/jdoe:/bin/bash          | uid '-1' is negative",
        "jdoe:*:+5:1001:Jane:/home/jdoe:/bin/bash          | uid '+5' is not a number",
        "jdoe:*:4294967296:1001:Jane:/home/jdoe:/bin/bash  | uid '4294967296' is out of range (0..4294967295)",
        "jdoe:*:99999999999999999999:1:J:/h:/bin/sh        | uid '99999999999999999999' is out of range (0..4294967295)",
        "jdoe:*:1001:0x10:Jane:/home/jdoe:/bin/bash        | gid '0x10' is not a number",
        "jdoe:*:1001:-7:Jane:/home/jdoe:/bin/bash          | gid '-7' is negative"
    })
    void rejectsBadPayloadsWithAClearMessage(String txt, String message) {
        assertThatThrownBy(() -> PasswdEntry.parse(txt))
                .isInstanceOf(HesiodFormatException.class)
                .hasMessage(message);
    }

    @Test
    void constructorRefusesValuesThatCouldNotRoundTrip() {
        assertThatThrownBy(() -> new PasswdEntry("jdoe", "*", 1, 1, "a:b", "/h", "/bin/sh"))
                .isInstanceOf(HesiodFormatException.class)
                .hasMessageContaining("gecos 'a:b' must not contain ':'");
        assertThatThrownBy(() -> new PasswdEntry("jdoe", "*", -1, 1, "", "/h", "/bin/sh"))
                .hasMessage("uid -1 is out of range (0..4294967295)");
    }
}
