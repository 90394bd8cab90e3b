package org.flatracoon.netstack.hesiod.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class ZoneLoaderTest {

    static final String HEAD = String.join("\n",
            "$ORIGIN ns.example.org.",
            "$TTL 300",
            "@ HS SOA ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60",
            "@ HS NS ns1.example.org.",
            "");

    static Path fixture() {
        try {
            return Path.of(ZoneLoaderTest.class.getResource("/hesiod.zone").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> problems(String text) {
        ZoneLoadException e = catchThrowableOfType(ZoneLoadException.class, () -> ZoneLoader.parse("zone.db", text));
        assertThat(e).as("expected the zone to be rejected").isNotNull();
        return e.problems().stream().map(ZoneProblem::toString).toList();
    }

    @Test
    void loadsTheFixture() throws Exception {
        HesiodZone zone = ZoneLoader.load(fixture());

        assertThat(zone.apex()).isEqualTo(Name.fromString("ns.example.org."));
        assertThat(zone.serial()).isEqualTo(2026112601L);
        assertThat(zone.recordCount()).isEqualTo(78);
        TXTRecord jdoe = (TXTRecord) zone.node(Name.fromString("jdoe.passwd.ns.example.org."), DClass.HS)
                .rrset(Type.TXT).get(0);
        assertThat(jdoe.getStrings()).containsExactly("jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash");
        assertThat(zone.node(Name.fromString("mirrors.sloc.ns.example.org."), DClass.IN).rrset(Type.TXT)).hasSize(60);
    }

    @Test
    void servesEveryRecordInBothClassesWhateverTheFileUses() throws Exception {
        HesiodZone zone = ZoneLoader.parse("in.db", HEAD.replace(" HS ", " IN ")
                + "jdoe.passwd IN TXT \"jdoe:*:1:1::/h:/bin/sh\"\n");
        Name jdoe = Name.fromString("jdoe.passwd.ns.example.org.");

        assertThat(zone.node(jdoe, DClass.IN).rrset(Type.TXT).get(0).getDClass()).isEqualTo(DClass.IN);
        assertThat(zone.node(jdoe, DClass.HS).rrset(Type.TXT).get(0).getDClass()).isEqualTo(DClass.HS);
        assertThat(zone.node(jdoe, DClass.HS).rrset(Type.TXT).get(0).rdataToString())
                .isEqualTo("\"jdoe:*:1:1::/h:/bin/sh\"");
    }

    @Test
    void intermediateNamesExistWithoutRecords() throws Exception {
        HesiodZone zone = ZoneLoader.load(fixture());
        ZoneNode passwd = zone.node(Name.fromString("passwd.ns.example.org."), DClass.HS);
        assertThat(passwd).isNotNull();
        assertThat(passwd.isEmptyNonTerminal()).isTrue();
        assertThat(zone.node(Name.fromString("nobody.passwd.ns.example.org."), DClass.HS)).isNull();
    }

    @Test
    void omittedOwnerTtlAndClassFollowTheMasterFileRules() throws Exception {
        HesiodZone zone = ZoneLoader.parse("z", String.join("\n",
                "$ORIGIN ns.example.org.",
                "@ 600 HS SOA ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60",
                "  HS NS ns1.example.org.",
                "zephyr.sloc 120 HS TXT \"z1.example.org\"",
                "            HS TXT \"z2.example.org\"",
                ""));
        var sloc = zone.node(Name.fromString("zephyr.sloc.ns.example.org."), DClass.HS).rrset(Type.TXT);
        assertThat(sloc).hasSize(2).allSatisfy(r -> assertThat(r.getTTL()).isEqualTo(120));
        assertThat(zone.node(zone.apex(), DClass.HS).rrset(Type.NS).get(0).getTTL()).isEqualTo(600);
    }

    @Test
    void soaWithoutTtlTakesItsMinimumAsBindDoes() throws Exception {
        HesiodZone zone = ZoneLoader.parse("z", "$ORIGIN ns.example.org.\n"
                + "@ HS SOA ns1.example.org. h.example.org. 1 2 3 4 45\n  HS NS ns1.example.org.\n");
        assertThat(zone.soa(DClass.HS).getTTL()).isEqualTo(45);
        assertThat(zone.node(zone.apex(), DClass.HS).rrset(Type.NS).get(0).getTTL()).isEqualTo(45);
    }

    @Test
    void badPasswdRecordIsReportedWithItsLine() {
        assertThat(problems(HEAD + "jdoe.passwd HS TXT \"jdoe:*:1001:1001:Jane:/home/jdoe\"\n")).containsExactly(
                "zone.db:5: passwd record for jdoe.passwd.ns.example.org.: expected 7 fields, got 6");
    }

    @Test
    void recordsInsideParenthesesAreReportedAtTheirFirstLine() {
        assertThat(problems(HEAD + "\n\njdoe.passwd HS TXT (\n  \"jdoe:*:x:1:J:/h:/bin/sh\" )\n")).containsExactly(
                "zone.db:7: passwd record for jdoe.passwd.ns.example.org.: uid 'x' is not a number");
    }

    @Test
    void missingSoaIsAFileProblem() {
        assertThat(problems("$ORIGIN ns.example.org.\n@ 300 HS NS ns1.example.org.\n"))
                .containsExactly("zone.db: no SOA record (its owner name is the zone apex)");
    }

    @Test
    void reportsEveryProblemAtOnceInLineOrder() {
        List<String> problems = problems(HEAD
                + "jdoe.passwd HS TXT \"jdoe:*:1001:1001:Jane:/home/jdoe\"\n" // 5
                + "x.group HS TXT \"x:*:-5:\"\n"                               // 6
                + "broken.sloc HS TXT \"unterminated\n"                         // 7 (dnsjava syntax error)
                + "ok.service HS TXT \"ok tcp 1\"\n"                           // 8
                + "bad.service HS TXT \"bad tcp 99999\"\n");                   // 9
        assertThat(problems).containsExactly(
                "zone.db:5: passwd record for jdoe.passwd.ns.example.org.: expected 7 fields, got 6",
                "zone.db:6: group record for x.group.ns.example.org.: gid '-5' is negative",
                "zone.db:7: newline in quoted string",
                "zone.db:9: service record for bad.service.ns.example.org.: port '99999' is out of range (0..65535)");
    }

    @Test
    void syntaxErrorsCarryTheirOwnLineEvenInsideAMultiLineEntry() {
        List<String> problems = problems(HEAD
                + "host.sloc HS A (\n"       // 5
                + "  192.0.2.1\n"            // 6
                + "  junk )\n"               // 7
                + "x.sloc HS BOGUS \"y\"\n"); // 8
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("zone.db:7: unexpected tokens at end of record");
        assertThat(problems.get(1)).isEqualTo("zone.db:8: invalid type 'BOGUS'");
    }

    @Test
    void structuralProblems() {
        List<String> problems = problems(String.join("\n",
                "$ORIGIN ns.example.org.",
                "@ 300 HS SOA ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60",  // 2: no NS
                "@ 300 HS SOA ns1.example.org. hostmaster.example.org. 8 3600 900 604800 60",  // 3: second SOA
                "jdoe.passwd.other.example. 300 HS TXT \"jdoe:*:1:1::/h:/bin/sh\"",           // 4: outside
                "version 300 CH TXT \"1\"",                                                   // 5: class CH
                "sub 300 HS NS ns1.example.org.",                                            // 6: delegation, fine
                "jdoe.paswd 300 HS TXT \"jdoe:*:1:1::/h:/bin/sh\"",                           // 7: unknown map
                "passwd 300 HS TXT \"no key\"",                                              // 8: no key
                "1001.uid 300 HS CNAME nobody.passwd",                                       // 9: dangling
                "1002.uid 300 HS CNAME jdoe.passwd.other.example.",                          // 10: fine
                "*.group 300 HS TXT \"g:*:1:\"",                                              // 11: wildcard
                "$INCLUDE other.db",                                                         // 12
                ""));
        assertThat(problems).containsExactly(
                "zone.db:2: no NS record at the zone apex ns.example.org.",
                "zone.db:3: another SOA record (ns.example.org.); a zone has exactly one, the first is on line 2",
                "zone.db:4: jdoe.passwd.other.example. TXT is outside the zone ns.example.org. (the SOA owner)",
                "zone.db:5: version.ns.example.org. TXT: class CH is not supported (use IN or HS)",
                "zone.db:7: TXT record at jdoe.paswd.ns.example.org.: unknown Hesiod map 'paswd'",
                "zone.db:8: TXT record at passwd.ns.example.org. has no key: Hesiod names are <key>.<map>.ns.example.org.",
                "zone.db:9: CNAME 1001.uid.ns.example.org. points to nobody.passwd.ns.example.org., which does not exist in the zone",
                "zone.db:11: *.group.ns.example.org. TXT: wildcard names are not supported",
                "zone.db:12: $INCLUDE is not supported: keep the zone in one file");
    }

    @Test
    void cnameCannotShareItsNameWithOtherData() {
        assertThat(problems(HEAD + "jdoe.passwd HS TXT \"jdoe:*:1:1::/h:/bin/sh\"\n"
                + "1.uid HS CNAME jdoe.passwd\n1.uid HS TXT \"jdoe:*:1:1::/h:/bin/sh\"\n"))
                .containsExactly("zone.db:6: 1.uid.ns.example.org. has a CNAME and other records");
    }

    @Test
    void relativeNamesNeedAnOrigin() {
        assertThat(problems("@ HS SOA ns1.example.org. h.example.org. 1 2 3 4 5\n"))
                .contains("zone.db:1: owner name '@' is relative and no $ORIGIN is set");
    }

    @Test
    void unclosedParenthesisIsReportedWhereItOpens() {
        assertThat(problems(HEAD + "a.sloc HS TXT ( \"x\"\nb.sloc HS TXT \"y\"\n"))
                .containsExactly("zone.db:5: '(' is never closed");
    }

    @Test
    void txtStringsAreConcatenatedAsHesiodClientsDo() throws Exception {
        HesiodZone zone = ZoneLoader.parse("z", HEAD + "jdoe.passwd HS TXT \"jdoe:*:1:1:\" \"Jane:/h:/bin/sh\"\n");
        assertThat(zone.recordCount()).isEqualTo(3);
        assertThat(problems(HEAD + "jdoe.passwd HS TXT \"jdoe:*:1:1:\" \"Jane\"\n"))
                .containsExactly("zone.db:5: passwd record for jdoe.passwd.ns.example.org.: expected 7 fields, got 5");
    }

    @Test
    void missingFileIsOneClearProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.zone");
        ZoneLoadException e = catchThrowableOfType(ZoneLoadException.class, () -> ZoneLoader.load(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
    }

    @Test
    void twoFilesForOneApexAreRejectedAndProblemsOfAllFilesAreCollected(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.zone"), HEAD);
        Path b = Files.writeString(dir.resolve("b.zone"), HEAD);
        Path bad = Files.writeString(dir.resolve("bad.zone"), HEAD.replace("ns.example.org.", "ns.example.com.")
                + "x.passwd HS TXT \"nope\"\n");

        ZoneLoadException e = catchThrowableOfType(ZoneLoadException.class, () -> ZoneLoader.loadAll(List.of(a, b, bad)));

        assertThat(e.problems()).extracting(ZoneProblem::toString).containsExactly(
                b + ": zone ns.example.org. is already loaded from " + a,
                bad + ":5: passwd record for x.passwd.ns.example.com.: expected 7 fields, got 1");
    }

    @Test
    void severalZonesPickTheLongestApex() throws Exception {
        HesiodZone outer = ZoneLoader.parse("o", HEAD.replace("ns.example.org.", "example.org."));
        HesiodZone inner = ZoneLoader.parse("i", HEAD);
        HesiodZones zones = HesiodZones.of(outer, inner);

        assertThat(zones.zoneFor(Name.fromString("jdoe.passwd.ns.example.org."))).containsSame(inner);
        assertThat(zones.zoneFor(Name.fromString("www.example.org."))).containsSame(outer);
        assertThat(zones.zoneFor(Name.fromString("example.com."))).isEmpty();
    }
}
