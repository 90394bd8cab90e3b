package org.flatracoon.netstack.dns64.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.flatracoon.netstack.dns64.resolve.Dns64Resolver;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.flatracoon.netstack.dns64.resolve.Synthesis;
import org.flatracoon.netstack.hesiod.config.AddressAcl;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The header rules around every answer: RCODEs before resolving, RA/RD/CD, EDNS and the AD bit. */
class QueryProcessorTest {
    private static final InetAddress SITE_HOST = address("2001:db8:6a:11::10");
    private final QueryProcessor processor = new QueryProcessor(new Dns64Resolver(question -> new Response(Rcode.NOERROR,
            true, List.of(Record.fromString(question.name(), Type.MX, DClass.IN, 300, "10 mail.example.net.", Name.root)),
            List.of(), List.of()), new Synthesis(Pref64.parse("fd64:ff9b::/96"), List.of(Ipv6Range.IPV4_MAPPED))),
            new AddressAcl(List.of(AddressAcl.parsePrefix("2001:db8:6a::/48"), AddressAcl.parsePrefix("127.0.0.1"))),
            new Dns64Metrics(new PrometheusRegistry()));

    @Test
    void answersCarryRaRdCdAndTheQuestion() throws IOException {
        Message query = query("example.net.", Type.MX, DClass.IN);
        query.getHeader().setFlag(Flags.CD);

        Message reply = exchange(query);

        assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.CD)).isTrue();
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(reply.getQuestion()).isEqualTo(query.getQuestion());
    }

    @Test
    void theAdBitOfTheUpstreamReachesOnlyClientsThatSetDoOrAd() throws IOException {
        assertThat(exchange(query("example.net.", Type.MX, DClass.IN)).getHeader().getFlag(Flags.AD)).isFalse();

        Message withDo = query("example.net.", Type.MX, DClass.IN);
        withDo.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message reply = exchange(withDo);
        assertThat(reply.getHeader().getFlag(Flags.AD)).isTrue();
        assertThat(reply.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
    }

    @Test
    void questionsWeDoNotResolve() throws IOException {
        assertThat(exchange(query("version.bind.", Type.TXT, DClass.CH)).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(exchange(query("example.net.", Type.AXFR, DClass.IN)).getRcode()).isEqualTo(Rcode.NOTIMP);

        Message update = query("example.net.", Type.SOA, DClass.IN);
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertThat(exchange(update).getRcode()).isEqualTo(Rcode.NOTIMP);

        Message edns1 = query("example.net.", Type.MX, DClass.IN);
        edns1.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        assertThat(exchange(edns1).getRcode()).isEqualTo(Rcode.BADVERS);
    }

    @Test
    void clientsOutsideAllowQueryAreRefused() throws IOException {
        Message query = query("example.net.", Type.MX, DClass.IN);
        Message outsider = new Message(processor.process(query.toWire(), Transport.UDP,
                InetAddress.getByName("203.0.113.9")).orElseThrow());

        assertThat(outsider.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(outsider.getSection(Section.ANSWER)).isEmpty();
        assertThat(exchange(query).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void aReplyIsNeverSentToAResponseOrAFragmentOfAHeader() throws IOException {
        Message response = query("example.net.", Type.MX, DClass.IN);
        response.getHeader().setFlag(Flags.QR);

        assertThat(processor.process(response.toWire(), Transport.UDP, SITE_HOST)).isEmpty();
        assertThat(processor.process(new byte[5], Transport.UDP, SITE_HOST)).isEmpty();
        assertThat(processor.process(null, Transport.TCP, SITE_HOST)).isEmpty();
    }

    private Message exchange(Message query) throws IOException {
        return new Message(processor.process(query.toWire(), Transport.UDP, SITE_HOST).orElseThrow());
    }

    private static Message query(String name, int type, int dclass) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, dclass));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
