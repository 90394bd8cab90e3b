package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilsysEntryTest {

    @Test
    void parsesEachType() {
        assertThat(FilsysEntry.parse("NFS /export/home/jdoe fs1.example.org w /home/jdoe"))
                .isEqualTo(new FilsysEntry.Nfs("/export/home/jdoe", "fs1.example.org", "w", "/home/jdoe"));
        assertThat(FilsysEntry.parse("AFS /afs/example.org/user/j/jdoe w /mit/jdoe"))
                .isEqualTo(new FilsysEntry.Afs("/afs/example.org/user/j/jdoe", "w", "/mit/jdoe"));
        assertThat(FilsysEntry.parse("UFS /dev/sda7 r /scratch"))
                .isEqualTo(new FilsysEntry.Ufs("/dev/sda7", "r", "/scratch"));
        assertThat(FilsysEntry.parse("ERR locker  is being   moved"))
                .isEqualTo(new FilsysEntry.Err("locker  is being   moved"));
        assertThat(FilsysEntry.parse("MUL jdoe-home jdoe-src"))
                .isEqualTo(new FilsysEntry.Mul(List.of("jdoe-home", "jdoe-src")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NFS /export/home/jdoe fs1.example.org w /home/jdoe",
        "AFS /afs/example.org/user/j/jdoe w /mit/jdoe",
        "UFS /dev/sda7 r /scratch",
        "ERR this locker is gone",
        "MUL a b c"
    })
    void roundTrips(String txt) {
        FilsysEntry entry = FilsysEntry.parse(txt);
        assertThat(entry.format()).isEqualTo(txt);
        assertThat(FilsysEntry.parse(entry.format())).isEqualTo(entry);
    }

    @Test
    void typeIsCaseInsensitiveAndWhitespaceFlexible() {
        FilsysEntry entry = FilsysEntry.parse("  nfs\t/export/x   fs1.example.org w /x ");
        assertThat(entry).isInstanceOf(FilsysEntry.Nfs.class);
        assertThat(entry.format()).isEqualTo("NFS /export/x fs1.example.org w /x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NFS /export/home/jdoe w /home/jdoe     | NFS expects 4 fields after the type (path server mode mountpoint), got 3",
        "AFS /afs/x/user/j fs1 w /mit/jdoe      | AFS expects 3 fields after the type (path mode mountpoint), got 4",
        "UFS /dev/sda7                          | UFS expects 3 fields after the type (device mode mountpoint), got 1",
        "ERR                                    | empty ERR message",
        "MUL                                    | MUL needs at least one locker",
        "nfs /home nfsserver:/export rw         | NFS expects 4 fields after the type (path server mode mountpoint), got 3",
        "RVD helen w /mnt                       | unknown filsys type 'RVD' (expected NFS, AFS, UFS, ERR or MUL)"
    })
    void rejectsBadPayloads(String txt, String message) {
        assertThatThrownBy(() -> FilsysEntry.parse(txt)).isInstanceOf(HesiodFormatException.class).hasMessage(message);
    }

    @Test
    void emptyPayloadIsRejected() {
        assertThatThrownBy(() -> FilsysEntry.parse("   ")).hasMessage("empty filsys entry");
    }
}
