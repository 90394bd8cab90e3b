package org.flatracoon.netstack.hesiod.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class QueryHandlerTest {
    private static QueryHandler handler;

    @BeforeAll
    static void loadZone() throws Exception {
        handler = new QueryHandler(HesiodZones.of(ZoneLoader.load(ZoneLoaderTestAccess.fixture())));
    }

    static Message query(String name, int type, int dclass) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass));
    }

    static Message ask(Message query, Transport transport) throws IOException {
        Reply reply = handler.handle(query.toWire(), transport);
        return new Message(reply.wire().orElseThrow());
    }

    static Message ask(String name, int type, int dclass) throws IOException {
        return ask(query(name, type, dclass), Transport.UDP);
    }

    private static List<String> txtStrings(Message response) {
        return response.getSection(Section.ANSWER).stream().filter(TXTRecord.class::isInstance)
                .flatMap(r -> ((TXTRecord) r).getStrings().stream()).toList();
    }

    @Test
    void answersHsQueriesInHsWithTheAuthoritativeFlagAndTheQuestionEchoed() throws IOException {
        Message q = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        Message r = ask(q, Transport.UDP);

        assertThat(r.getHeader().getID()).isEqualTo(q.getHeader().getID());
        assertThat(r.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getQuestion()).isEqualTo(q.getQuestion());
        assertThat(r.getSection(Section.ANSWER)).singleElement()
                .satisfies(a -> assertThat(a.getDClass()).isEqualTo(DClass.HS));
        assertThat(txtStrings(r)).containsExactly("jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash");
    }

    @Test
    void answersInQueriesWithTheSameDataInClassIn() throws IOException {
        Message r = ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.IN);

        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getSection(Section.ANSWER)).singleElement()
                .satisfies(a -> assertThat(a.getDClass()).isEqualTo(DClass.IN));
        assertThat(txtStrings(r)).containsExactly("jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash");
    }

    @Test
    void classAnyIsAnsweredFromHs() throws IOException {
        Message r = ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.ANY);
        assertThat(r.getSection(Section.ANSWER)).singleElement()
                .satisfies(a -> assertThat(a.getDClass()).isEqualTo(DClass.HS));
        assertThat(r.getQuestion().getDClass()).isEqualTo(DClass.ANY);
    }

    @Test
    void uidIsACnameChasedToThePasswdEntryInTheAskedClass() throws IOException {
        for (int dclass : new int[] {DClass.IN, DClass.HS}) {
            Message r = ask("1001.uid.ns.example.org.", Type.TXT, dclass);

            List<Record> answer = r.getSection(Section.ANSWER);
            assertThat(answer).hasSize(2).allSatisfy(a -> assertThat(a.getDClass()).isEqualTo(dclass));
            assertThat(((CNAMERecord) answer.get(0)).getTarget()).isEqualTo(Name.fromString("jdoe.passwd.ns.example.org."));
            assertThat(txtStrings(r)).containsExactly("jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash");
            assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void askingForTheCnameItselfDoesNotChase() throws IOException {
        Message r = ask("1001.gid.ns.example.org.", Type.CNAME, DClass.HS);
        assertThat(r.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
    }

    @Test
    void cnameLoopsEndWithoutHanging() throws Exception {
        QueryHandler loopy = new QueryHandler(HesiodZones.of(ZoneLoader.parse("loop", ZoneLoaderTestAccess.HEAD
                + "a.uid HS CNAME b.uid\nb.uid HS CNAME a.uid\nc.uid HS CNAME jdoe.passwd.example.com.\n")));
        Message r = new Message(loopy.handle(query("a.uid.ns.example.org.", Type.TXT, DClass.HS).toWire(),
                Transport.UDP).wire().orElseThrow());
        assertThat(r.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(r.getSection(Section.ANSWER)).hasSize(2).allMatch(CNAMERecord.class::isInstance);

        Message out = new Message(loopy.handle(query("c.uid.ns.example.org.", Type.TXT, DClass.IN).toWire(),
                Transport.UDP).wire().orElseThrow());
        assertThat(out.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
    }

    @Test
    void soaAndNsAtTheApex() throws IOException {
        Message soa = ask("ns.example.org.", Type.SOA, DClass.HS);
        assertThat(soa.getSection(Section.ANSWER)).singleElement()
                .satisfies(a -> assertThat(((SOARecord) a).getSerial()).isEqualTo(2026112601L));
        Message ns = ask("ns.example.org.", Type.NS, DClass.IN);
        assertThat(ns.getSection(Section.ANSWER)).hasSize(2).allSatisfy(a -> assertThat(a.getDClass()).isEqualTo(DClass.IN));
    }

    @Test
    void anyReturnsEveryRrsetOfTheName() throws IOException {
        Message r = ask("ns.example.org.", Type.ANY, DClass.HS);
        assertThat(r.getSection(Section.ANSWER)).extracting(Record::getType).containsExactlyInAnyOrder(Type.SOA, Type.NS, Type.NS);
    }

    @Test
    void unknownNameIsNxdomainWithTheSoaAndTheNegativeTtl() throws IOException {
        Message r = ask("nobody.passwd.ns.example.org.", Type.TXT, DClass.HS);

        assertThat(r.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(r.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getSection(Section.AUTHORITY)).singleElement().satisfies(soa -> {
            assertThat(soa.getType()).isEqualTo(Type.SOA);
            assertThat(soa.getTTL()).isEqualTo(60); // min(SOA TTL 300, MINIMUM 60)
            assertThat(soa.getDClass()).isEqualTo(DClass.HS);
        });
    }

    @Test
    void existingNameWithoutTheTypeIsNodata() throws IOException {
        for (String name : List.of("jdoe.passwd.ns.example.org.", "passwd.ns.example.org.")) {
            Message r = ask(name, Type.A, DClass.IN);
            assertThat(r.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
            assertThat(r.getSection(Section.ANSWER)).as(name).isEmpty();
            assertThat(r.getSection(Section.AUTHORITY)).as(name).singleElement()
                    .satisfies(soa -> assertThat(soa.getDClass()).isEqualTo(DClass.IN));
        }
    }

    @Test
    void namesAreCaseInsensitiveAndTheQuestionKeepsItsCase() throws IOException {
        Message r = ask("JDoe.PASSWD.ns.Example.ORG.", Type.TXT, DClass.HS);
        assertThat(txtStrings(r)).hasSize(1);
        assertThat(r.getQuestion().getName().toString()).isEqualTo("JDoe.PASSWD.ns.Example.ORG.");
    }

    @Test
    void otherClassesAndOtherZonesAreRefused() throws IOException {
        Message ch = ask("version.bind.", Type.TXT, DClass.CH);
        assertThat(ch.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ch.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.CH).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask("www.example.com.", Type.A, DClass.IN).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(ask("example.org.", Type.SOA, DClass.IN).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void otherOpcodesAndZoneTransfersAreNotImplemented() throws IOException {
        Message notify = query("ns.example.org.", Type.SOA, DClass.HS);
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        Message r = ask(notify, Transport.UDP);
        assertThat(r.getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(r.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);

        assertThat(ask(query("ns.example.org.", Type.AXFR, DClass.HS), Transport.TCP).getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(ask(query("ns.example.org.", Type.IXFR, DClass.IN), Transport.TCP).getRcode()).isEqualTo(Rcode.NOTIMP);
    }

    @Test
    void questionCountOtherThanOneIsFormerrWithTheQueryId() throws IOException {
        Message none = new Message(4711);
        Reply r = handler.handle(none.toWire(), Transport.UDP);
        Message response = new Message(r.wire().orElseThrow());
        assertThat(response.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(response.getHeader().getID()).isEqualTo(4711);
        assertThat(r.malformed()).isTrue();

        Message two = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        two.addRecord(Record.newRecord(Name.fromString("staff.group.ns.example.org."), Type.TXT, DClass.HS),
                Section.QUESTION);
        assertThat(ask(two, Transport.UDP).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void unreadableBodyIsFormerrButTooShortOrResponsePacketsAreDropped() throws IOException {
        byte[] good = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS).toWire();
        byte[] cut = Arrays.copyOf(good, good.length - 3);
        Reply formerr = handler.handle(cut, Transport.UDP);
        assertThat(new Message(formerr.wire().orElseThrow()).getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(new Message(formerr.wire().orElseThrow()).getHeader().getID()).isEqualTo(((good[0] & 0xFF) << 8) | (good[1] & 0xFF));

        assertThat(handler.handle(Arrays.copyOf(good, 11), Transport.UDP).wire()).isEmpty();
        assertThat(handler.handle(new byte[0], Transport.UDP).wire()).isEmpty();
        Message response = ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        assertThat(handler.handle(response.toWire(), Transport.UDP).wire()).as("QR set").isEmpty();
    }

    @Test
    void trailingBytesAfterTheQuestionAreFormerr() throws IOException {
        byte[] good = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS).toWire();
        byte[] padded = Arrays.copyOf(good, good.length + 100);
        assertThat(new Message(handler.handle(padded, Transport.UDP).wire().orElseThrow()).getRcode())
                .isEqualTo(Rcode.FORMERR);
    }

    @Test
    void ednsQueriesGetAnOptRecordWithOurPayloadSizeAndTheDoBitEchoed() throws IOException {
        Message q = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        q.addRecord(new OPTRecord(4096, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message r = ask(q, Transport.UDP);

        OPTRecord opt = r.getOPT();
        assertThat(opt).isNotNull();
        assertThat(opt.getPayloadSize()).isEqualTo(QueryHandler.EDNS_PAYLOAD_SIZE);
        assertThat(opt.getVersion()).isZero();
        assertThat(opt.getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
        assertThat(ask("jdoe.passwd.ns.example.org.", Type.TXT, DClass.IN).getOPT()).as("no EDNS, no OPT").isNull();
    }

    @Test
    void unknownEdnsVersionIsBadvers() throws IOException {
        Message q = query("jdoe.passwd.ns.example.org.", Type.TXT, DClass.HS);
        q.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message r = ask(q, Transport.UDP);
        assertThat(r.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(r.getSection(Section.ANSWER)).isEmpty();
        assertThat(r.getOPT().getVersion()).isZero();
    }

    @Test
    void largeAnswersAreTruncatedOverUdpAndCompleteOverTcp() throws IOException {
        Message plain = ask("mirrors.sloc.ns.example.org.", Type.TXT, DClass.IN);
        assertThat(plain.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(plain.getSection(Section.ANSWER)).isEmpty();
        assertThat(plain.getQuestion().getName()).isEqualTo(Name.fromString("mirrors.sloc.ns.example.org."));

        Message edns = query("mirrors.sloc.ns.example.org.", Type.TXT, DClass.IN);
        edns.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        byte[] ednsReply = handler.handle(edns.toWire(), Transport.UDP).wire().orElseThrow();
        assertThat(ednsReply.length).isLessThanOrEqualTo(QueryHandler.EDNS_PAYLOAD_SIZE);
        Message truncated = new Message(ednsReply);
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.getOPT()).isNotNull();

        Message tcp = ask(query("mirrors.sloc.ns.example.org.", Type.TXT, DClass.IN), Transport.TCP);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(60);
    }

    @Test
    void smallAnswersFitIn512Bytes() throws IOException {
        Message r = ask("zephyr.sloc.ns.example.org.", Type.TXT, DClass.HS);
        assertThat(r.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(txtStrings(r)).containsExactly("z1.example.org", "z2.example.org");
    }

    @Test
    void replyCarriesMetadataForMetrics() throws IOException {
        Reply r = handler.handle(query("nobody.passwd.ns.example.org.", Type.TXT, DClass.IN).toWire(), Transport.UDP);
        assertThat(r.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(r.qclass()).isEqualTo(DClass.IN);
        assertThat(r.qtype()).isEqualTo(Type.TXT);
        assertThat(r.malformed()).isFalse();
    }
}
