package org.flatracoon.netstack.hesiod.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Zone cuts in the loader: a parent zone delegating the Hesiod subdomain, glue, occluded data, Hesiod vs plain. */
class DelegationLoaderTest {

    /** example.org delegating ns.example.org, as a site's parent zone would: lines 1 to 14. */
    static final String PARENT = String.join("\n",
            "$ORIGIN example.org.",                                                       // 1
            "$TTL 300",                                                                   // 2
            "@          SOA  ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60", // 3
            "@          NS   ns1.example.org.",                                           // 4
            "@          MX   10 mail.example.org.",                                       // 5
            "@          TXT  \"v=spf1 mx -all\"",                                        // 6
            "_dmarc     TXT  \"v=DMARC1; p=reject\"",                                    // 7
            "ns1        A    192.0.2.1",                                                  // 8
            "mail       A    192.0.2.25",                                                 // 9
            "www        CNAME host.ns.example.org.",                                      // 10: target below the cut
            "ns         NS   ns1.ns.example.org.",                                        // 11: the delegation
            "ns         NS   ns2.example.net.",                                           // 12
            "ns1.ns     A    198.51.100.53",                                              // 13: glue
            "ns1.ns     AAAA 2001:db8::53",                                               // 14: glue
            "");

    private static List<String> problems(String text) {
        ZoneLoadException e = catchThrowableOfType(ZoneLoadException.class, () -> ZoneLoader.parse("zone.db", text));
        assertThat(e).as("expected the zone to be rejected").isNotNull();
        return e.problems().stream().map(ZoneProblem::toString).toList();
    }

    @Test
    void loadsAParentZoneWithADelegationAndGlue() throws Exception {
        HesiodZone zone = ZoneLoader.parse("parent.db", PARENT);
        Name cut = Name.fromString("ns.example.org.");
        Name glue = Name.fromString("ns1.ns.example.org.");

        assertThat(zone.apex()).isEqualTo(Name.fromString("example.org."));
        assertThat(zone.delegations()).containsExactly(cut);
        assertThat(zone.recordCount()).isEqualTo(12);
        for (int dclass : HesiodZone.SERVED_CLASSES) {
            assertThat(zone.node(cut, dclass).rrset(Type.NS)).hasSize(2)
                    .allSatisfy(r -> assertThat(r.getDClass()).isEqualTo(dclass));
            assertThat(((ARecord) zone.node(glue, dclass).rrset(Type.A).get(0)).getAddress().getHostAddress())
                    .isEqualTo("198.51.100.53");
            assertThat(zone.node(glue, dclass).rrset(Type.AAAA)).singleElement().isInstanceOf(AAAARecord.class);
        }
        // delegations and glue are zone content: transfers and the journal see them
        assertThat(zone.records()).extracting(Record::getName).contains(cut, glue);
    }

    @Test
    void findsTheCutAtOrAboveAName() throws Exception {
        HesiodZone zone = ZoneLoader.parse("parent.db", PARENT);
        Name cut = Name.fromString("ns.example.org.");

        assertThat(zone.delegationFor(cut)).contains(cut);
        assertThat(zone.delegationFor(Name.fromString("jdoe.passwd.NS.example.org."))).contains(cut);
        assertThat(zone.delegationFor(Name.fromString("example.org."))).isEmpty();
        assertThat(zone.delegationFor(Name.fromString("www.example.org."))).isEmpty();
        assertThat(zone.delegationFor(Name.fromString("xns.example.org."))).isEmpty();
        assertThat(zone.delegationFor(Name.fromString("ns.example.com."))).isEmpty();
    }

    @Test
    void aHesiodZoneWithoutDelegationsHasNone() throws Exception {
        HesiodZone zone = ZoneLoader.load(ZoneLoaderTest.fixture());
        assertThat(zone.delegations()).isEmpty();
        assertThat(zone.delegationFor(Name.fromString("jdoe.passwd.ns.example.org."))).isEmpty();
    }

    @Test
    void glueThatIsNotBelowACutIsNormalData() throws Exception {
        // ns1.example.org. is both the apex's name server and a normal, answerable A record
        HesiodZone zone = ZoneLoader.parse("parent.db", PARENT);
        Name ns1 = Name.fromString("ns1.example.org.");
        assertThat(zone.delegationFor(ns1)).isEmpty();
        assertThat(zone.node(ns1, DClass.IN).rrset(Type.A)).hasSize(1);
    }

    @Test
    void dsAtTheCutAndGlueAtTheCutItselfAreParentSideData() throws Exception {
        HesiodZone zone = ZoneLoader.parse("p", String.join("\n",
                "$ORIGIN example.org.",
                "@   300 IN SOA ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60",
                "@   300 IN NS  ns1.example.org.",
                "sub 300 IN NS  sub.example.org.",   // the name server is named like the cut
                "sub 300 IN A   192.0.2.53",         // so this A at the cut is glue
                "sub 300 IN DS  12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
                ""));
        Name sub = Name.fromString("sub.example.org.");
        assertThat(zone.node(sub, DClass.HS).rrset(Type.A)).hasSize(1);
        assertThat(zone.node(sub, DClass.HS).rrset(Type.DS)).hasSize(1);
    }

    @Test
    void occludedDataBelowACutIsReportedWithItsLine() {
        List<String> problems = problems(PARENT
                + "www.ns   A    198.51.100.80\n"           // 15: an A that no NS names
                + "ns       TXT  \"hello\"\n"              // 16: other data at the cut
                + "ns       A    198.51.100.81\n"           // 17: not a name server's name
                + "x.ns     MX   10 mail.example.org.\n"    // 18
                + "sub.ns   NS   ns1.ns.example.org.\n"     // 19: a cut below a cut belongs to the child
                + "1.uid.ns CNAME jdoe.passwd.ns\n");       // 20
        String tail = ": occluded data is never served (only NS and DS at the cut, and A/AAAA glue for name"
                + " servers, may be there)";
        assertThat(problems).containsExactly(
                "zone.db:15: www.ns.example.org. A is below the delegation to ns.example.org. (line 11)" + tail,
                "zone.db:16: ns.example.org. TXT is below the delegation to ns.example.org. (line 11)" + tail,
                "zone.db:17: ns.example.org. A is below the delegation to ns.example.org. (line 11)" + tail,
                "zone.db:18: x.ns.example.org. MX is below the delegation to ns.example.org. (line 11)" + tail,
                "zone.db:19: sub.ns.example.org. NS is below the delegation to ns.example.org. (line 11)" + tail,
                "zone.db:20: 1.uid.ns.example.org. CNAME is below the delegation to ns.example.org. (line 11)" + tail);
    }

    @Test
    void hesiodEntriesInsideTheCutAreOccludedNotParsed() {
        // a Hesiod TXT pasted into the parent below the cut: reported once, as occluded, not as a bad passwd entry
        assertThat(problems(PARENT + "jdoe.passwd.ns TXT \"not:a:passwd\"\n"))
                .singleElement().asString().startsWith("zone.db:15: jdoe.passwd.ns.example.org. TXT is below the delegation");
    }

    @Test
    void recordsBuiltFromAnUpdateAreCheckedForOccludedDataToo() throws Exception {
        HesiodZone parent = ZoneLoader.parse("parent.db", PARENT);
        List<Record> records = new java.util.ArrayList<>(parent.records());
        records.add(new NSRecord(Name.fromString("deeper.ns.example.org."), DClass.HS, 300,
                Name.fromString("ns9.example.net.")));
        ZoneLoadException e = catchThrowableOfType(ZoneLoadException.class,
                () -> HesiodZone.fromRecords("update", records));
        assertThat(e.problems()).extracting(ZoneProblem::toString).singleElement().asString()
                .startsWith("update: deeper.ns.example.org. NS is below the delegation to ns.example.org.: occluded");
    }

    @Test
    void aPlainZoneKeepsItsTxtRecordsUnchecked() throws Exception {
        HesiodZone zone = ZoneLoader.parse("plain.db", PARENT + "version TXT \"1.2\"\nk.e.y.sloth TXT \"any:thing\"\n");
        assertThat(zone.node(Name.fromString("_dmarc.example.org."), DClass.IN).rrset(Type.TXT)).hasSize(1);
    }

    @Test
    void oneHesiodEntryMakesItAHesiodZoneWhereEveryTxtIsChecked() {
        // the same TXT records as above, but now next to a passwd entry: typos in map names are caught again
        assertThat(problems(PARENT + "jdoe.passwd TXT \"jdoe:*:1:1::/h:/bin/sh\"\n"           // 15
                + "version TXT \"1.2\"\n"                                                       // 16
                + "jdoe.paswd TXT \"jdoe:*:1:1::/h:/bin/sh\"\n"))                               // 17
                .containsExactly(
                        "zone.db:7: TXT record at _dmarc.example.org. has no key: Hesiod names are <key>.<map>.example.org.",
                        "zone.db:16: TXT record at version.example.org. has no key: Hesiod names are <key>.<map>.example.org.",
                        "zone.db:17: TXT record at jdoe.paswd.example.org.: unknown Hesiod map 'paswd'");
        // a uid CNAME is Hesiod data as well
        assertThat(problems(PARENT + "jdoe.passwd A 192.0.2.9\n1.uid CNAME jdoe.passwd\n"))
                .containsExactly(
                        "zone.db:7: TXT record at _dmarc.example.org. has no key: Hesiod names are <key>.<map>.example.org.");
    }

    @Test
    void aHesiodZoneMayDelegateToo() throws Exception {
        HesiodZone zone = ZoneLoader.parse("z", ZoneLoaderTest.HEAD
                + "jdoe.passwd HS TXT \"jdoe:*:1:1::/h:/bin/sh\"\n"
                + "lab HS NS ns1.lab.ns.example.org.\n"
                + "ns1.lab HS A 192.0.2.7\n");
        assertThat(zone.delegationFor(Name.fromString("x.passwd.lab.ns.example.org.")))
                .contains(Name.fromString("lab.ns.example.org."));
    }
}
