package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flatracoon.lab.probe.HesiodEntries.Filsys;
import org.flatracoon.lab.probe.HesiodEntries.Group;
import org.flatracoon.lab.probe.HesiodEntries.Passwd;
import org.flatracoon.lab.probe.HesiodEntries.Pobox;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hesiod records as hesinfo prints them, read into values, and the records that are not what they claim. */
class HesiodEntriesTest {

    @Nested
    class PasswdRecords {

        @Test
        void allSevenFieldsWithCommasInTheGecos() {
            assertThat(Passwd.parse("alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash"))
                    .isEqualTo(new Passwd("alice", 1001, 1001, "Alice Liddell,,,", "/home/alice", "/bin/bash"));
        }

        @Test
        void emptyGecosAndShellAreEmptyNotMissing() {
            assertThat(Passwd.parse("svc:*:4000:4000::/var/lib/svc:"))
                    .isEqualTo(new Passwd("svc", 4000, 4000, "", "/var/lib/svc", ""));
        }

        @Test
        void aRecordWithTooFewFieldsIsRejectedWithTheCount() {
            assertThatThrownBy(() -> Passwd.parse("alice:*:1001:1001:/home/alice:/bin/bash"))
                    .isInstanceOf(ProbeException.class)
                    .hasMessage("not a passwd record (7 fields expected, got 6): alice:*:1001:1001:/home/alice:/bin/bash");
        }

        @Test
        void aUidThatIsNotANumberIsRejected() {
            assertThatThrownBy(() -> Passwd.parse("alice:*:l001:1001::/home/alice:/bin/bash"))
                    .isInstanceOf(ProbeException.class)
                    .hasMessage("'l001' is not a number in: alice:*:l001:1001::/home/alice:/bin/bash");
        }
    }

    @Nested
    class GroupRecords {

        @Test
        void membersAreSplitAndTrimmed() {
            assertThat(Group.parse("netops:*:2001:alice,bob")).isEqualTo(new Group("netops", 2001, java.util.List.of("alice", "bob")));
            assertThat(Group.parse("netops:*:2001:alice, bob").members()).containsExactly("alice", "bob");
        }

        @Test
        void aGroupWithoutMembersHasAnEmptyList() {
            assertThat(Group.parse("nobody:*:65534:").members()).isEmpty();
        }

        @Test
        void aPasswdRecordIsNotAGroup() {
            assertThatThrownBy(() -> Group.parse("alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash"))
                    .isInstanceOf(ProbeException.class)
                    .hasMessageStartingWith("not a group record (4 fields expected, got 7)");
        }

        @Test
        void aGidThatIsNotANumberIsRejected() {
            assertThatThrownBy(() -> Group.parse("netops:*:two:alice"))
                    .isInstanceOf(ProbeException.class)
                    .hasMessage("'two' is not a number in: netops:*:two:alice");
        }
    }

    @Nested
    class FilsysRecords {

        @Test
        void typeThenTheTypesFields() {
            assertThat(Filsys.parse("NFS /export/home/alice fs1.example.org w /home/alice"))
                    .isEqualTo(new Filsys("NFS", java.util.List.of("/export/home/alice", "fs1.example.org", "w", "/home/alice")));
        }

        @Test
        void extraWhitespaceDoesNotMakeEmptyFields() {
            assertThat(Filsys.parse("  AFS   /afs/example.org/user/alice  w   /mit/alice \n").fields())
                    .containsExactly("/afs/example.org/user/alice", "w", "/mit/alice");
        }

        @Test
        void anEmptyRecordIsRejected() {
            assertThatThrownBy(() -> Filsys.parse("   "))
                    .isInstanceOf(ProbeException.class)
                    .hasMessageContaining("not a filsys record");
        }
    }

    @Nested
    class PoboxRecords {

        @Test
        void typeHostAndUser() {
            assertThat(Pobox.parse("POP mail.example.org alice")).isEqualTo(new Pobox("POP", "mail.example.org", "alice"));
            assertThat(Pobox.parse(" POP  mail.example.org   alice\n")).isEqualTo(new Pobox("POP", "mail.example.org", "alice"));
        }

        @Test
        void aPoboxWithoutUserIsRejected() {
            assertThatThrownBy(() -> Pobox.parse("POP mail.example.org"))
                    .isInstanceOf(ProbeException.class)
                    .hasMessage("not a pobox record (3 fields expected, got 2): POP mail.example.org");
        }
    }
}
