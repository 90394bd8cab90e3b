package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HesiodMapTest {

    @Test
    void labelsAreCaseInsensitive() {
        assertThat(HesiodMap.fromLabel("GROUP")).contains(HesiodMap.GROUP);
        assertThat(HesiodMap.fromLabel("passwd")).contains(HesiodMap.PASSWD);
        assertThat(HesiodMap.fromLabel("rhs-extension")).contains(HesiodMap.RHS_EXTENSION);
        assertThat(HesiodMap.fromLabel("bogus")).isEmpty();
    }

    @Test
    void everyLabelMapsBackToItsMap() {
        for (HesiodMap map : HesiodMap.values()) {
            assertThat(HesiodMap.fromLabel(map.label())).contains(map);
            assertThat(map.toString()).isEqualTo(map.label());
        }
    }

    @Test
    void uidAndGidUseThePasswdAndGroupLayouts() {
        assertThat(HesiodMap.UID.parse("jdoe:*:1001:1001:Jane:/home/jdoe:/bin/bash")).isInstanceOf(PasswdEntry.class);
        assertThat(HesiodMap.GID.parse("staff:*:1001:jdoe")).isInstanceOf(GroupEntry.class);
        assertThatThrownBy(() -> HesiodMap.UID.parse("staff:*:1001:jdoe")).hasMessage("expected 7 fields, got 4");
    }

    @Test
    void eachTypedMapParsesToItsType() {
        assertThat(HesiodMap.GRPLIST.parse("staff:1001")).isInstanceOf(GrplistEntry.class);
        assertThat(HesiodMap.FILSYS.parse("AFS /afs/x w /x")).isInstanceOf(FilsysEntry.Afs.class);
        assertThat(HesiodMap.POBOX.parse("POP mail.example.org jdoe")).isInstanceOf(PoboxEntry.class);
        assertThat(HesiodMap.SERVICE.parse("zephyr udp 2102")).isInstanceOf(ServiceEntry.class);
    }

    @Test
    void mapsWithoutLayoutAcceptAnyText() {
        HesiodEntry entry = HesiodMap.CLUSTER.parse("zephyr z1.example.org");
        assertThat(entry).isEqualTo(new FreeText("zephyr z1.example.org"));
        assertThat(entry.format()).isEqualTo("zephyr z1.example.org");
        assertThat(HesiodMap.SLOC.parse("").format()).isEmpty();
        assertThat(HesiodMap.PCAP.parse("lp|printer:rm=print.example.org:").format())
                .isEqualTo("lp|printer:rm=print.example.org:");
    }

    @Test
    void hostileKeysAndPayloadsAreJustDataOrErrors() {
        // original aspect tests: null bytes, SQL-ish text and unicode never crash a parser
        assertThatThrownBy(() -> HesiodMap.PASSWD.parse("x\u0000'; DROP TABLE users;--"))
                .isInstanceOf(HesiodFormatException.class);
        assertThat(HesiodMap.PASSWD.parse("jörg:*:7:7:Jörg Ü ☃:/home/jörg:/bin/sh").format())
                .isEqualTo("jörg:*:7:7:Jörg Ü ☃:/home/jörg:/bin/sh");
    }
}
