package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoboxEntryTest {

    @Test
    void parsesAndRoundTrips() {
        PoboxEntry e = PoboxEntry.parse("POP mail.example.org jdoe");
        assertThat(e).isEqualTo(new PoboxEntry("POP", "mail.example.org", "jdoe"));
        assertThat(e.format()).isEqualTo("POP mail.example.org jdoe");
        assertThat(PoboxEntry.parse("  IMAP\tIMAP.EXAMPLE.ORG   systest ").format())
                .isEqualTo("IMAP IMAP.EXAMPLE.ORG systest");
    }

    @Test
    void needsExactlyThreeFields() {
        assertThatThrownBy(() -> PoboxEntry.parse("POP mail.example.org"))
                .isInstanceOf(HesiodFormatException.class)
                .hasMessage("expected 3 fields (type host user), got 2");
        assertThatThrownBy(() -> PoboxEntry.parse("POP mail.example.org jdoe extra"))
                .hasMessage("expected 3 fields (type host user), got 4");
        assertThatThrownBy(() -> PoboxEntry.parse("")).hasMessage("expected 3 fields (type host user), got 0");
    }

    @Test
    void constructorRejectsWhitespaceInsideAField() {
        assertThatThrownBy(() -> new PoboxEntry("POP", "mail host", "jdoe"))
                .hasMessage("mail host 'mail host' must not contain whitespace");
    }
}
