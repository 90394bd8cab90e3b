package org.flatracoon.netstack.hesiod.query;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.flatracoon.netstack.hesiod.wire.WireCheck;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
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
 * The pure core of the server: one DNS message in, at most one message out. No sockets, no clocks, no
 * shared mutable state, so any number of threads may call {@link #handle} at once.
 *
 * <p>Whatever the input, it does not throw: a packet that is not a readable query gets FORMERR (if at least
 * the header is there to carry the id) or no reply at all. A message with QR set is never answered, so two
 * servers cannot be made to bounce packets at each other.
 */
public final class QueryHandler {
    /** Our EDNS UDP payload size, the DNS Flag Day 2020 value that avoids IP fragmentation. */
    public static final int EDNS_PAYLOAD_SIZE = 1232;
    static final int PLAIN_UDP_LIMIT = 512;
    static final int TCP_LIMIT = 65_535;

    private static final Logger LOG = LoggerFactory.getLogger(QueryHandler.class);

    private final Supplier<HesiodZones> zones;

    public QueryHandler(HesiodZones zones) {
        this(() -> zones);
    }

    /**
     * A handler over zones that change (dynamic updates): {@code zones} returns the current immutable snapshot,
     * read once per query, so an answer never mixes two versions.
     */
    public QueryHandler(Supplier<HesiodZones> zones) {
        this.zones = zones;
    }

    public Reply handle(byte[] packet, Transport transport) {
        if (packet == null || packet.length < WireCheck.HEADER_LENGTH || (packet[2] & 0x80) != 0) {
            return Reply.dropped();
        }
        try {
            return handleQuery(packet, transport);
        } catch (RuntimeException e) {
            // a bug of ours, not the client's: say so rather than pretend the query was bad
            LOG.warn("failed to answer a query: {}", e.toString());
            return headerOnly(packet, Rcode.SERVFAIL, false);
        }
    }

    private Reply handleQuery(byte[] packet, Transport transport) {
        Optional<String> problem = WireCheck.problem(packet);
        if (problem.isPresent()) {
            LOG.debug("malformed packet: {}", problem.get());
            return headerOnly(packet, Rcode.FORMERR, true);
        }
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            LOG.debug("unparsable packet: {}", e.toString());
            return headerOnly(packet, Rcode.FORMERR, true);
        }
        Header header = query.getHeader();
        if (header.getCount(Section.QUESTION) != 1) {
            int rcode = header.getOpcode() == Opcode.QUERY ? Rcode.FORMERR : Rcode.NOTIMP;
            return headerOnly(packet, rcode, rcode == Rcode.FORMERR);
        }
        Record question = query.getQuestion();
        if (malformedEdns(query, question)) {
            Message formerr = errorResponse(query, question, null, Rcode.FORMERR);
            return new Reply(encode(formerr, transport, null), Rcode.FORMERR, question.getDClass(), question.getType(),
                    true);
        }
        OPTRecord opt = query.getOPT();
        int rcode = rcodeBeforeLookup(header, question, opt);
        if (rcode != Rcode.NOERROR) {
            return reply(errorResponse(query, question, opt, rcode), transport, opt, question, rcode);
        }
        int answerClass = question.getDClass() == DClass.IN ? DClass.IN : DClass.HS;
        Optional<HesiodZone> zone = zones.get().zoneFor(question.getName(), question.getType());
        if (zone.isEmpty()) {
            return reply(errorResponse(query, question, opt, Rcode.REFUSED), transport, opt, question, Rcode.REFUSED);
        }
        Resolution resolution = ZoneResolver.resolve(zone.get(), question.getName(), question.getType(), answerClass);
        Message response = newResponse(header, question, opt, resolution.rcode(), resolution.authoritative(),
                resolution.additional());
        resolution.answers().forEach(r -> response.addRecord(r, Section.ANSWER));
        resolution.authority().forEach(r -> response.addRecord(r, Section.AUTHORITY));
        return reply(response, transport, opt, question, resolution.rcode());
    }

    /** RFC 6891: at most one OPT record, owned by the root, and OPT is never a question type. */
    private static boolean malformedEdns(Message query, Record question) {
        List<Record> additional = query.getSection(Section.ADDITIONAL);
        long optCount = additional.stream().filter(OPTRecord.class::isInstance).count();
        OPTRecord opt = query.getOPT();
        return optCount > 1 || (opt != null && !opt.getName().equals(Name.root)) || question.getType() == Type.OPT;
    }

    /** The RCODE for queries we will not look up, or NOERROR if we will. */
    private static int rcodeBeforeLookup(Header header, Record question, OPTRecord opt) {
        if (header.getOpcode() != Opcode.QUERY) {
            return Rcode.NOTIMP;
        }
        if (opt != null && opt.getVersion() != 0) {
            return Rcode.BADVERS; // RFC 6891 §6.1.3: we speak EDNS version 0 only
        }
        int type = question.getType();
        if (type == Type.AXFR || type == Type.IXFR || type == Type.MAILA || type == Type.MAILB) {
            return Rcode.NOTIMP;
        }
        int dclass = question.getDClass();
        if (dclass != DClass.IN && dclass != DClass.HS && dclass != DClass.ANY) {
            return Rcode.REFUSED; // e.g. CH: not our data
        }
        return Rcode.NOERROR;
    }

    private Reply reply(Message response, Transport transport, OPTRecord opt, Record question, int rcode) {
        return new Reply(encode(response, transport, opt), rcode, question.getDClass(), question.getType(), false);
    }

    private static Message errorResponse(Message query, Record question, OPTRecord opt, int rcode) {
        return newResponse(query.getHeader(), question, opt, rcode, false, List.of());
    }

    /** The response skeleton; {@code additional} (glue) goes into ADDITIONAL ahead of the OPT record. */
    private static Message newResponse(Header queryHeader, Record question, OPTRecord opt, int rcode,
                                       boolean authoritative, List<Record> additional) {
        Message response = new Message(queryHeader.getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(queryHeader.getOpcode());
        h.setRcode(rcode & 0xF);
        if (queryHeader.getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (authoritative) {
            h.setFlag(Flags.AA);
        }
        response.addRecord(question, Section.QUESTION);
        additional.forEach(r -> response.addRecord(r, Section.ADDITIONAL));
        if (opt != null) {
            // the upper 8 bits of an extended RCODE travel in the OPT record; DO is echoed (RFC 3225)
            response.addRecord(new OPTRecord(EDNS_PAYLOAD_SIZE, rcode >>> 4, 0, opt.getFlags() & ExtendedFlags.DO),
                    Section.ADDITIONAL);
        }
        return response;
    }

    /** Serialises the response; if it does not fit, sends header and question with TC so the client retries over TCP. */
    private static byte[] encode(Message response, Transport transport, OPTRecord opt) {
        int limit = transport == Transport.TCP ? TCP_LIMIT : udpLimit(opt);
        byte[] wire = response.toWire();
        if (wire.length <= limit && !response.getHeader().getFlag(Flags.TC)) {
            return wire;
        }
        Header full = response.getHeader();
        Message truncated = new Message(full.getID());
        Header h = truncated.getHeader();
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD, Flags.TC}) {
            if (flag == Flags.TC || full.getFlag(flag)) {
                h.setFlag(flag);
            }
        }
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

    /** A reply with just the header: id, opcode and RD from the query, QR and the RCODE set, no sections. */
    private static Reply headerOnly(byte[] packet, int rcode, boolean malformed) {
        byte[] wire = new byte[WireCheck.HEADER_LENGTH];
        wire[0] = packet[0];
        wire[1] = packet[1];
        wire[2] = (byte) (0x80 | (packet[2] & 0x78) | (packet[2] & 0x01)); // QR, opcode, RD
        wire[3] = (byte) (rcode & 0x0F);
        return new Reply(wire, rcode, Reply.UNKNOWN, Reply.UNKNOWN, malformed);
    }
}
