package org.flatracoon.netstack.hesiod.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Referrals (RFC 1034 §4.3.2) from a parent zone that delegates the Hesiod subdomain ns.example.org. */
class DelegationQueryTest {
    static final String PARENT = String.join("\n",
            "$ORIGIN example.org.",
            "$TTL 300",
            "@          SOA  ns1.example.org. hostmaster.example.org. 7 3600 900 604800 60",
            "@          NS   ns1.example.org.",
            "ns1        A    192.0.2.1",
            "www        A    192.0.2.80",
            "alias      CNAME jdoe.passwd.ns.example.org.",
            "ns         NS   ns1.ns.example.org.",
            "ns         NS   ns2.example.net.",   // out of bailiwick: no glue
            "ns1.ns     A    198.51.100.53",
            "ns1.ns     AAAA 2001:db8::53",
            "");
    static final String CHILD = String.join("\n",
            "$ORIGIN ns.example.org.",
            "$TTL 300",
            "@           HS SOA ns1.ns.example.org. hostmaster.example.org. 9 3600 900 604800 60",
            "@           HS NS  ns1.ns.example.org.",
            "ns1         HS A   198.51.100.53",
            "jdoe.passwd HS TXT \"jdoe:*:1001:1001:Jane Doe:/home/jdoe:/bin/bash\"",
            "");

    private static HesiodZone parent;
    private static QueryHandler handler;

    @BeforeAll
    static void load() throws Exception {
        parent = ZoneLoader.parse("parent.db", PARENT);
        handler = new QueryHandler(HesiodZones.of(parent));
    }

    private static Message ask(QueryHandler h, String name, int type, int dclass, Transport transport)
            throws IOException {
        Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass));
        return new Message(h.handle(q.toWire(), transport).wire().orElseThrow());
    }

    private static Message ask(String name, int type, int dclass) throws IOException {
        return ask(handler, name, type, dclass, Transport.UDP);
    }

    /** NOERROR, AA clear, no answer, the child's NS in AUTHORITY and the in-bailiwick glue in ADDITIONAL. */
    private static void assertReferral(Message r, int dclass) throws IOException {
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getHeader().getFlag(Flags.AA)).as("AA").isFalse();
        assertThat(r.getHeader().getFlag(Flags.TC)).as("TC").isFalse();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).hasSize(2).allSatisfy(ns -> {
            assertThat(ns).isInstanceOf(NSRecord.class);
            assertThat(ns.getName()).isEqualTo(Name.fromString("ns.example.org."));
            assertThat(ns.getDClass()).isEqualTo(dclass);
        });
        assertThat(r.getSection(Section.AUTHORITY)).extracting(ns -> ((NSRecord) ns).getTarget())
                .containsExactly(Name.fromString("ns1.ns.example.org."), Name.fromString("ns2.example.net."));
        List<Record> glue = r.getSection(Section.ADDITIONAL).stream().filter(a -> !(a instanceof OPTRecord)).toList();
        assertThat(glue).extracting(Record::getType).containsExactly(Type.A, Type.AAAA);
        assertThat(glue).allSatisfy(g -> {
            assertThat(g.getName()).isEqualTo(Name.fromString("ns1.ns.example.org."));
            assertThat(g.getDClass()).isEqualTo(dclass);
        });
        assertThat(((ARecord) glue.get(0)).getAddress().getHostAddress()).isEqualTo("198.51.100.53");
    }

    @Test
    void namesAtAndBelowTheCutGetAReferralInTheClassAsked() throws IOException {
        for (int dclass : new int[] {DClass.IN, DClass.HS}) {
            for (String name : List.of("ns.example.org.", "jdoe.passwd.ns.example.org.", "nobody.ns.example.org.",
                    "ns1.ns.example.org.")) {
                for (int type : new int[] {Type.TXT, Type.A, Type.SOA, Type.ANY}) {
                    assertReferral(ask(name, type, dclass), dclass);
                }
            }
        }
    }

    @Test
    void classAnyGetsTheReferralInHs() throws IOException {
        Message r = ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.ANY);
        assertReferral(r, DClass.HS);
        assertThat(r.getQuestion().getDClass()).isEqualTo(DClass.ANY);
    }

    @Test
    void theNsRrsetOfTheCutIsAReferralTooNotAnAnswer() throws IOException {
        // RFC 1034 §4.3.2: the match at the cut takes us out of our authoritative data
        assertReferral(ask("ns.example.org.", Type.NS, DClass.IN), DClass.IN);
        assertReferral(ask("NS.Example.ORG.", Type.NS, DClass.HS), DClass.HS);
    }

    @Test
    void dsAtTheCutIsAnsweredByTheParentAsNodata() throws IOException {
        for (int dclass : new int[] {DClass.IN, DClass.HS}) {
            Message r = ask("ns.example.org.", Type.DS, dclass);
            assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(r.getSection(Section.ANSWER)).isEmpty();
            assertThat(r.getSection(Section.AUTHORITY)).singleElement().satisfies(soa -> {
                assertThat(soa).isInstanceOf(SOARecord.class);
                assertThat(soa.getName()).isEqualTo(Name.fromString("example.org."));
                assertThat(soa.getDClass()).isEqualTo(dclass);
            });
            assertThat(r.getSection(Section.ADDITIONAL)).isEmpty();
        }
        // below the cut, DS belongs to the child (or deeper): a referral
        assertReferral(ask("jdoe.passwd.ns.example.org.", Type.DS, DClass.IN), DClass.IN);
    }

    @Test
    void namesBesideTheCutAreAnsweredNormally() throws IOException {
        Message www = ask("www.example.org.", Type.A, DClass.IN);
        assertThat(www.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(www.getSection(Section.ANSWER)).singleElement().isInstanceOf(ARecord.class);
        assertThat(www.getSection(Section.AUTHORITY)).isEmpty();

        Message apexNs = ask("example.org.", Type.NS, DClass.HS);
        assertThat(apexNs.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(apexNs.getSection(Section.ANSWER)).singleElement()
                .satisfies(ns -> assertThat(ns.getDClass()).isEqualTo(DClass.HS));

        Message sibling = ask("xns.example.org.", Type.A, DClass.IN); // shares a suffix, not a label
        assertThat(sibling.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(sibling.getHeader().getFlag(Flags.AA)).isTrue();

        Message nodata = ask("ns1.example.org.", Type.TXT, DClass.HS);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(nodata.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(SOARecord.class);
    }

    @Test
    void aCnameIntoTheDelegatedZoneIsAnsweredThenReferred() throws IOException {
        Message r = ask("alias.example.org.", Type.TXT, DClass.HS);
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getHeader().getFlag(Flags.AA)).as("AA covers our CNAME").isTrue();
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
        assertThat(r.getSection(Section.AUTHORITY)).hasSize(2).allMatch(NSRecord.class::isInstance);
        assertThat(r.getSection(Section.ADDITIONAL)).extracting(Record::getType).containsExactly(Type.A, Type.AAAA);
    }

    @Test
    void ednsReferralsCarryTheGlueAndTheOpt() throws IOException {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("jdoe.passwd.ns.example.org."), Type.TXT,
                DClass.IN));
        q.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        Message r = new Message(handler.handle(q.toWire(), Transport.UDP).wire().orElseThrow());
        assertReferral(r, DClass.IN);
        assertThat(r.getOPT()).isNotNull();
        assertThat(r.getSection(Section.ADDITIONAL)).hasSize(3);
    }

    @Test
    void referralsTooLargeForUdpAreTruncatedLikeOtherAnswers() throws Exception {
        StringBuilder text = new StringBuilder(PARENT);
        for (int i = 0; i < 30; i++) {
            text.append("big NS ns").append(i).append(".big.example.org.\n");
            text.append("ns").append(i).append(".big A 198.51.100.").append(i).append('\n');
            text.append("ns").append(i).append(".big AAAA 2001:db8::").append(i).append('\n');
        }
        QueryHandler big = new QueryHandler(HesiodZones.of(ZoneLoader.parse("big.db", text.toString())));

        Message udp = ask(big, "x.big.example.org.", Type.A, DClass.IN, Transport.UDP);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(udp.getSection(Section.AUTHORITY)).isEmpty();

        Message tcp = ask(big, "x.big.example.org.", Type.A, DClass.IN, Transport.TCP);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(tcp.getSection(Section.AUTHORITY)).hasSize(30);
        assertThat(tcp.getSection(Section.ADDITIONAL)).hasSize(60);
    }

    @Test
    void whenWeServeParentAndChildTheChildAnswersAndTheParentHasTheDs() throws Exception {
        HesiodZone child = ZoneLoader.parse("child.db", CHILD);
        QueryHandler both = new QueryHandler(HesiodZones.of(parent, child));

        Message txt = ask(both, "jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS, Transport.UDP);
        assertThat(txt.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(txt.getSection(Section.ANSWER)).singleElement().satisfies(a -> assertThat(a.getType()).isEqualTo(Type.TXT));

        Message ns = ask(both, "ns.example.org.", Type.NS, DClass.IN, Transport.UDP);
        assertThat(ns.getHeader().getFlag(Flags.AA)).as("the child is authoritative for its apex NS").isTrue();
        assertThat(ns.getSection(Section.ANSWER)).singleElement().isInstanceOf(NSRecord.class);

        Message ds = ask(both, "ns.example.org.", Type.DS, DClass.IN, Transport.UDP);
        assertThat(ds.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(ds.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(soa.getName()).isEqualTo(Name.fromString("example.org.")));

        // a child alone still answers DS at its own apex (we have nobody else to ask)
        Message alone = ask(new QueryHandler(HesiodZones.of(child)), "ns.example.org.", Type.DS, DClass.HS,
                Transport.UDP);
        assertThat(alone.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(soa.getName()).isEqualTo(Name.fromString("ns.example.org.")));
    }

    @Test
    void referralsAreCountedAsNoerrorForMetrics() throws IOException {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("jdoe.passwd.ns.example.org."), Type.TXT,
                DClass.HS));
        Reply reply = handler.handle(q.toWire(), Transport.UDP);
        assertThat(reply.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.malformed()).isFalse();
        assertThat(new ArrayList<>(List.of(reply.qclass(), reply.qtype()))).containsExactly(DClass.HS, Type.TXT);
    }
}
