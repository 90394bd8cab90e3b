package org.flatracoon.netstack.dns64.server;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.dns64.resolve.Answer;
import org.flatracoon.netstack.dns64.resolve.Dns64Resolver;
import org.flatracoon.netstack.dns64.resolve.Outcome;
import org.flatracoon.netstack.dns64.resolve.Question;
import org.flatracoon.netstack.hesiod.config.AddressAcl;
import org.flatracoon.netstack.hesiod.wire.WireCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One DNS message in, at most one out: the checks every query goes through before the resolver sees it, and the
 * encoding of its answer. Never throws: a packet shorter than a header or with QR set is dropped (so two servers
 * cannot be made to bounce packets), a malformed one gets FORMERR.
 */
public final class QueryProcessor {
    static final int EDNS_PAYLOAD_SIZE = 1232;
    static final int PLAIN_UDP_LIMIT = 512;
    static final int TCP_LIMIT = 65_535;
    private static final Logger LOG = LoggerFactory.getLogger(QueryProcessor.class);

    private final Dns64Resolver resolver;
    private final AddressAcl allowQuery;
    private final Dns64Metrics metrics;

    public QueryProcessor(Dns64Resolver resolver, AddressAcl allowQuery, Dns64Metrics metrics) {
        this.resolver = resolver;
        this.allowQuery = allowQuery;
        this.metrics = metrics;
    }

    /** The reply to one message from {@code client}, if it deserves one. */
    public Optional<byte[]> process(byte[] packet, Transport transport, InetAddress client) {
        long start = System.nanoTime();
        Reply reply;
        if (packet == null || packet.length < WireCheck.HEADER_LENGTH || (packet[2] & 0x80) != 0) {
            reply = Reply.DROPPED;
        } else {
            try {
                reply = handle(packet, transport, client);
            } catch (RuntimeException e) {
                LOG.warn("failed to answer a query: {}", e.toString()); // a bug of ours, not the client's
                reply = new Reply(headerOnly(packet, Rcode.SERVFAIL), Rcode.SERVFAIL, Reply.NONE, false, null);
            }
        }
        metrics.query(transport, reply.qtype(), reply.wire() == null ? null : reply.rcode(), reply.malformed(),
                reply.outcome(), System.nanoTime() - start);
        return Optional.ofNullable(reply.wire());
    }

    /** What was sent back, and what the metrics need to know about it. */
    private record Reply(byte[] wire, int rcode, int qtype, boolean malformed, Outcome outcome) {
        static final int NONE = -1;
        static final Reply DROPPED = new Reply(null, NONE, NONE, true, null);
    }

    private Reply handle(byte[] packet, Transport transport, InetAddress client) {
        Optional<String> problem = WireCheck.problem(packet);
        if (problem.isPresent()) {
            LOG.debug("malformed packet: {}", problem.get());
            return formerr(packet);
        }
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            LOG.debug("unparsable packet: {}", e.toString());
            return formerr(packet);
        }
        Header header = query.getHeader();
        if (header.getOpcode() != Opcode.QUERY) {
            return new Reply(headerOnly(packet, Rcode.NOTIMP), Rcode.NOTIMP, Reply.NONE, false, null);
        }
        if (header.getCount(Section.QUESTION) != 1 || malformedEdns(query)) {
            return formerr(packet);
        }
        Record question = query.getQuestion();
        OPTRecord opt = query.getOPT();
        int rcode = allowQuery.allows(client) ? rcodeBeforeResolving(question, opt) : Rcode.REFUSED;
        Answer answer = rcode == Rcode.NOERROR
                ? resolver.resolve(new Question(question.getName(), question.getType(),
                        opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0, header.getFlag(Flags.CD)))
                : new Answer(rcode, false, false, List.of(), List.of(), List.of(), null);
        Message response = response(header, question, opt, answer);
        return new Reply(encode(response, transport, opt), answer.rcode(), question.getType(), false, answer.outcome());
    }

    /** RFC 6891: at most one OPT record, owned by the root, and OPT is never a question type. */
    private static boolean malformedEdns(Message query) {
        long optCount = query.getSection(Section.ADDITIONAL).stream().filter(OPTRecord.class::isInstance).count();
        OPTRecord opt = query.getOPT();
        return optCount > 1 || (opt != null && !opt.getName().equals(Name.root))
                || query.getQuestion().getType() == Type.OPT;
    }

    private static int rcodeBeforeResolving(Record question, OPTRecord opt) {
        if (opt != null && opt.getVersion() != 0) {
            return Rcode.BADVERS; // RFC 6891 §6.1.3: EDNS version 0 only
        }
        int type = question.getType();
        if (type == Type.AXFR || type == Type.IXFR || type == Type.MAILA || type == Type.MAILB) {
            return Rcode.NOTIMP; // a resolver does not transfer zones
        }
        if (question.getDClass() != DClass.IN) {
            return Rcode.REFUSED; // CH, HS, …: not the Internet's data
        }
        return Rcode.NOERROR;
    }

    private static Message response(Header queryHeader, Record question, OPTRecord opt, Answer answer) {
        Message response = new Message(queryHeader.getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setFlag(Flags.RA);
        h.setOpcode(queryHeader.getOpcode());
        h.setRcode(answer.rcode() & 0xF);
        for (int flag : new int[] {Flags.RD, Flags.CD}) {
            if (queryHeader.getFlag(flag)) {
                h.setFlag(flag);
            }
        }
        if (answer.authoritative()) {
            h.setFlag(Flags.AA);
        }
        boolean wantsAd = queryHeader.getFlag(Flags.AD) || (opt != null && (opt.getFlags() & ExtendedFlags.DO) != 0);
        if (answer.authenticData() && wantsAd) {
            h.setFlag(Flags.AD); // RFC 6840 §5.8: only to clients that show they understand it
        }
        response.addRecord(question, Section.QUESTION);
        answer.answer().forEach(r -> response.addRecord(r, Section.ANSWER));
        answer.authority().forEach(r -> response.addRecord(r, Section.AUTHORITY));
        answer.additional().forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        if (opt != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD_SIZE, answer.rcode() >>> 4, 0,
                    opt.getFlags() & ExtendedFlags.DO), Section.ADDITIONAL);
        }
        return response;
    }

    /** Serialises the response; if it does not fit, header and question with TC set, so the client retries over TCP. */
    private static byte[] encode(Message response, Transport transport, OPTRecord opt) {
        int limit = transport == Transport.TCP ? TCP_LIMIT : udpLimit(opt);
        byte[] wire = response.toWire();
        if (wire.length <= limit) {
            return wire;
        }
        Header full = response.getHeader();
        Message truncated = new Message(full.getID());
        Header h = truncated.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD, Flags.RA, Flags.CD}) {
            if (full.getFlag(flag)) {
                h.setFlag(flag);
            }
        }
        h.setFlag(Flags.TC);
        h.setOpcode(full.getOpcode());
        h.setRcode(full.getRcode());
        response.getSection(Section.QUESTION).forEach(q -> truncated.addRecord(q, Section.QUESTION));
        response.getSection(Section.ADDITIONAL).stream().filter(OPTRecord.class::isInstance)
                .forEach(o -> truncated.addRecord(o, Section.ADDITIONAL));
        return truncated.toWire();
    }

    /** RFC 6891: the smaller of the client's advertised size and ours, never below the classic 512. */
    static int udpLimit(OPTRecord opt) {
        if (opt == null) {
            return PLAIN_UDP_LIMIT;
        }
        return Math.max(PLAIN_UDP_LIMIT, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD_SIZE));
    }

    private static Reply formerr(byte[] packet) {
        return new Reply(headerOnly(packet, Rcode.FORMERR), Rcode.FORMERR, Reply.NONE, true, null);
    }

    /** A reply with just the header: id, opcode and RD from the query, QR, RA and the RCODE set. */
    private static byte[] headerOnly(byte[] packet, int rcode) {
        byte[] wire = new byte[WireCheck.HEADER_LENGTH];
        wire[0] = packet[0];
        wire[1] = packet[1];
        wire[2] = (byte) (0x80 | (packet[2] & 0x78) | (packet[2] & 0x01));
        wire[3] = (byte) (0x80 | (rcode & 0x0F));
        return wire;
    }
}
