package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.config.ZoneSettings;
import org.flatracoon.netstack.hesiod.query.QueryHandler;
import org.flatracoon.netstack.hesiod.query.Reply;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.flatracoon.netstack.hesiod.transfer.ZoneTransfer;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;
import org.flatracoon.netstack.hesiod.tsig.TsigKeyring;
import org.flatracoon.netstack.hesiod.tsig.TsigResponses;
import org.flatracoon.netstack.hesiod.tsig.TsigVerdict;
import org.flatracoon.netstack.hesiod.update.UpdateResult;
import org.flatracoon.netstack.hesiod.wire.WireCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Routes each received message: plain queries straight to the {@link QueryHandler} (the fast path, no second
 * parse), and everything else — TSIG-signed messages, AXFR/IXFR, UPDATE, NOTIFY — through TSIG verification and
 * the zone's access rules. Never throws: a failure of ours becomes SERVFAIL.
 */
final class MessageDispatcher implements PacketProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);
    private static final int UDP_LIMIT = 512;
    private static final int TCP_LIMIT = 65_535;

    private final QueryHandler queries;
    private final ZoneSet zones;
    private final TsigKeyring keyring;
    private final HesiodMetrics metrics;
    private final NotifySender notifier;
    private final Clock clock;

    MessageDispatcher(ZoneSet zones, TsigKeyring keyring, HesiodMetrics metrics, NotifySender notifier,
                      Clock clock) {
        this.queries = new QueryHandler(zones::queryView);
        this.zones = zones;
        this.keyring = keyring;
        this.metrics = metrics;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> process(byte[] packet, Transport transport) {
        List<byte[]> replies = exchange(packet, transport, InetAddress.getLoopbackAddress());
        return replies.isEmpty() ? Optional.empty() : Optional.of(replies.get(0));
    }

    @Override
    public List<byte[]> exchange(byte[] packet, Transport transport, InetAddress client) {
        long start = System.nanoTime();
        // TC in a request makes dnsjava stop parsing silently; the handler answers such and malformed packets
        if (!needsDispatch(packet) || (packet[2] & 0x02) != 0 || WireCheck.problem(packet).isPresent()) {
            return query(packet, transport, null, start);
        }
        Message message;
        try {
            message = new Message(packet);
        } catch (IOException | RuntimeException e) {
            return query(packet, transport, null, start); // the handler explains what is wrong with it
        }
        try {
            return dispatch(packet, message, transport, client, start);
        } catch (RuntimeException e) {
            LOG.warn("failed to handle a {} message: {}", Opcode.string(message.getHeader().getOpcode()), e.toString());
            Message failure = response(message, Rcode.SERVFAIL, false);
            return finish(List.of(failure.toWire()), transport, message, Rcode.SERVFAIL, start);
        }
    }

    private List<byte[]> dispatch(byte[] packet, Message message, Transport transport, InetAddress client,
                                  long start) {
        TsigVerdict verdict = keyring.verify(message, packet);
        Header header = message.getHeader();
        if (verdict.failed()) {
            metrics.tsigFailure(verdict.errorLabel());
            LOG.info("TSIG {} from {} ({})", verdict.errorLabel(), client.getHostAddress(),
                    verdict.request().getName());
            countRefusal(message, Rcode.NOTAUTH);
            return finish(List.of(TsigResponses.error(message, verdict, clock)), transport, message, Rcode.NOTAUTH,
                    start);
        }
        int opcode = header.getOpcode();
        Record question = message.getQuestion();
        boolean oneQuestion = header.getCount(Section.QUESTION) == 1;
        if (opcode == Opcode.UPDATE && oneQuestion) {
            return update(message, verdict, transport, client, start);
        }
        if (opcode == Opcode.NOTIFY && oneQuestion) {
            return notifyReceived(message, verdict, transport, client, start);
        }
        if (opcode == Opcode.QUERY && oneQuestion && isTransfer(question.getType())) {
            return transfer(message, verdict, transport, client, start);
        }
        return query(packet, transport, verdict, start);
    }

    private static boolean isTransfer(int type) {
        return type == Type.AXFR || type == Type.IXFR;
    }

    /** The ordinary query path; a validly signed query gets a signed answer. */
    private List<byte[]> query(byte[] packet, Transport transport, TsigVerdict verdict, long start) {
        Reply reply = queries.handle(packet, transport);
        if (reply.rcode() == Rcode.REFUSED && zones.hasUnloaded()) {
            Optional<byte[]> servfail = servfailForUnloaded(packet);
            if (servfail.isPresent()) {
                metrics.record(transport, reply.qclass(), reply.qtype(), Rcode.SERVFAIL, System.nanoTime() - start);
                return List.of(servfail.get());
            }
        }
        metrics.record(transport, reply, System.nanoTime() - start);
        if (reply.wire().isEmpty()) {
            return List.of();
        }
        if (verdict == null || !verdict.isSigned()) {
            return List.of(reply.wire().get());
        }
        try {
            Message answer = new Message(reply.wire().get());
            return List.of(TsigResponses.encode(answer, verdict, limit(transport)));
        } catch (IOException e) {
            return List.of(reply.wire().get());
        }
    }

    /**
     * A query the handler refused because no loaded zone holds the name: if the name is in a secondary zone
     * still waiting for (or past the expiry of) its data, SERVFAIL instead, as BIND does.
     */
    private Optional<byte[]> servfailForUnloaded(byte[] packet) {
        try {
            Message query = new Message(packet);
            Record q = query.getQuestion();
            int dclass = q == null ? -1 : q.getDClass();
            if (q == null || (dclass != DClass.IN && dclass != DClass.HS && dclass != DClass.ANY)
                    || !zones.inUnloadedZone(q.getName())) {
                return Optional.empty();
            }
            return Optional.of(response(query, Rcode.SERVFAIL, false).toWire());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<byte[]> transfer(Message query, TsigVerdict verdict, Transport transport, InetAddress client,
                                  long start) {
        Record question = query.getQuestion();
        int type = question.getType();
        int dclass = question.getDClass();
        Optional<ServedZone> zone = zones.byApex(question.getName());
        int refusal = Rcode.NOERROR;
        if (dclass != DClass.IN && dclass != DClass.HS) {
            refusal = Rcode.REFUSED;
        } else if (zone.isEmpty()) {
            refusal = Rcode.NOTAUTH;
        } else if (!zone.get().loaded()) {
            refusal = Rcode.SERVFAIL; // a secondary zone without data yet
        } else if (type == Type.AXFR && transport == Transport.UDP) {
            refusal = Rcode.FORMERR; // RFC 5936 §4.2: AXFR is a TCP-only query
        } else if (!zone.get().settings().allowTransfer().allows(client)) {
            refusal = Rcode.REFUSED;
            LOG.info("{} of {} from {} refused: not in allow-transfer", Type.string(type), question.getName(),
                    client.getHostAddress());
        } else if (!keyAccepted(zone.get().settings().transferKey(), verdict)) {
            refusal = Rcode.REFUSED;
            LOG.info("{} of {} from {} refused: not signed with {}", Type.string(type), question.getName(),
                    client.getHostAddress(), zone.get().settings().transferKey().get().name());
        }
        if (refusal != Rcode.NOERROR) {
            metrics.transfer(type, refusal);
            return finish(List.of(TsigResponses.encode(response(query, refusal, false), verdict, limit(transport))),
                    transport, query, refusal, start);
        }
        ServedZone.Snapshot snapshot = zone.get().snapshot();
        List<Record> records;
        if (type == Type.AXFR) {
            records = ZoneTransfer.axfrRecords(snapshot.zone(), dclass);
        } else {
            Optional<Long> clientSerial = query.getSection(Section.AUTHORITY).stream()
                    .filter(SOARecord.class::isInstance).map(r -> ((SOARecord) r).getSerial()).findFirst();
            if (clientSerial.isEmpty()) {
                metrics.transfer(type, Rcode.FORMERR);
                return finish(List.of(TsigResponses.encode(response(query, Rcode.FORMERR, false), verdict,
                        limit(transport))), transport, query, Rcode.FORMERR, start);
            }
            records = ZoneTransfer.ixfrRecords(snapshot.zone(), snapshot.history(), clientSerial.get(), dclass);
            if (transport == Transport.UDP && records.size() > 1) {
                records = List.of(snapshot.zone().soa(dclass)); // RFC 1995 §2: "use TCP"
            }
        }
        List<byte[]> wires = TsigResponses.encodeStream(ZoneTransfer.messages(query, records), verdict);
        metrics.transfer(type, Rcode.NOERROR);
        return finish(wires, transport, query, Rcode.NOERROR, start);
    }

    private static boolean keyAccepted(Optional<TsigKey> required, TsigVerdict verdict) {
        return required.isEmpty() || verdict.signedWith(required.get());
    }

    private List<byte[]> update(Message update, TsigVerdict verdict, Transport transport, InetAddress client,
                                long start) {
        Record zoneRecord = update.getQuestion();
        int dclass = zoneRecord.getDClass();
        Optional<ServedZone> zone = zones.byApex(zoneRecord.getName());
        int rcode;
        String reason;
        UpdateResult result = null;
        if (zoneRecord.getType() != Type.SOA) {
            rcode = Rcode.FORMERR;
            reason = "the zone section must be of type SOA";
        } else if (zone.isEmpty() || (dclass != DClass.IN && dclass != DClass.HS)) {
            rcode = Rcode.NOTAUTH;
            reason = "not a zone of ours";
        } else if (zone.get().settings().updateKey().isEmpty()) {
            rcode = Rcode.REFUSED;
            reason = "no update-key configured for the zone";
        } else if (!verdict.signedWith(zone.get().settings().updateKey().get())) {
            rcode = Rcode.REFUSED;
            reason = "not signed with " + zone.get().settings().updateKey().get().name();
        } else {
            result = zone.get().update(update, dclass);
            rcode = result.rcode();
            reason = result.reason();
        }
        metrics.update(rcode);
        if (rcode != Rcode.NOERROR) {
            LOG.info("UPDATE of {} from {}: {} ({})", zoneRecord.getName(), client.getHostAddress(),
                    Rcode.string(rcode), reason);
        } else if (result != null && result.change().isPresent()) {
            LOG.info("UPDATE of {} from {}: now serial {}", zoneRecord.getName(), client.getHostAddress(),
                    result.zone().serial());
            notifier.zoneChanged(zone.get());
        }
        Message response = response(update, rcode, false);
        return finish(List.of(TsigResponses.encode(response, verdict, limit(transport))), transport, update, rcode,
                start);
    }

    /**
     * RFC 1996 §3: for a secondary zone, a NOTIFY from its primary's address is acknowledged (NOERROR, AA) and
     * triggers a refresh; from any other address it is REFUSED. Our primary zones need no NOTIFY (RFC 1996
     * §3.10): REFUSED, as is a NOTIFY for a zone we do not serve.
     */
    private List<byte[]> notifyReceived(Message notify, TsigVerdict verdict, Transport transport, InetAddress client,
                                        long start) {
        Record question = notify.getQuestion();
        Optional<ServedZone> zone = zones.byApex(question.getName());
        int rcode = Rcode.REFUSED;
        if (zone.isPresent() && zone.get().secondary().isPresent()
                && (question.getDClass() == DClass.HS || question.getDClass() == DClass.IN)) {
            var secondary = zone.get().secondary().get();
            if (secondary.settings().primary().getAddress().equals(client)) {
                rcode = Rcode.NOERROR;
                LOG.info("NOTIFY for {} from {}: refreshing", question.getName(), client.getHostAddress());
                secondary.notified();
            } else {
                LOG.info("NOTIFY for {} from {} refused: not the primary {}", question.getName(),
                        client.getHostAddress(), secondary.settings().primary().getAddress().getHostAddress());
            }
        }
        return finish(List.of(TsigResponses.encode(response(notify, rcode, rcode == Rcode.NOERROR), verdict,
                limit(transport))), transport, notify, rcode, start);
    }

    private void countRefusal(Message message, int rcode) {
        Record q = message.getQuestion();
        if (message.getHeader().getOpcode() == Opcode.UPDATE) {
            metrics.update(rcode);
        } else if (q != null && message.getHeader().getOpcode() == Opcode.QUERY && isTransfer(q.getType())) {
            metrics.transfer(q.getType(), rcode);
        }
    }

    private List<byte[]> finish(List<byte[]> replies, Transport transport, Message request, int rcode, long start) {
        Record q = request.getQuestion();
        metrics.record(transport, q == null ? Reply.UNKNOWN : q.getDClass(), q == null ? Reply.UNKNOWN : q.getType(),
                rcode, System.nanoTime() - start);
        return replies;
    }

    /** Header and question (zone section) only, as RFC 2136 and RFC 1996 answers are. */
    static Message response(Message request, int rcode, boolean authoritative) {
        Message response = new Message(request.getHeader().getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(request.getHeader().getOpcode());
        h.setRcode(rcode);
        if (request.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        if (authoritative) {
            h.setFlag(Flags.AA);
        }
        if (request.getQuestion() != null) {
            response.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return response;
    }

    private static int limit(Transport transport) {
        return transport == Transport.TCP ? TCP_LIMIT : UDP_LIMIT;
    }

    /**
     * False for what the query handler alone answers: a QUERY with no additional records (so no TSIG) whose
     * question type is not AXFR/IXFR — read from the raw bytes, as most packets are such queries. Anything odd
     * (short, QR set, compression in the question) goes to the full path, which hands it back if need be.
     */
    static boolean needsDispatch(byte[] p) {
        if (p == null || p.length < WireCheck.HEADER_LENGTH || (p[2] & 0x80) != 0) {
            return false;
        }
        int opcode = (p[2] >> 3) & 0x0F;
        int arcount = ((p[10] & 0xFF) << 8) | (p[11] & 0xFF);
        int qdcount = ((p[4] & 0xFF) << 8) | (p[5] & 0xFF);
        if (opcode != Opcode.QUERY || arcount > 0) {
            return true;
        }
        if (qdcount != 1) {
            return false;
        }
        int i = WireCheck.HEADER_LENGTH;
        while (i < p.length && p[i] != 0) {
            if ((p[i] & 0xC0) != 0) {
                return false; // compressed or odd label: the handler decides
            }
            i += (p[i] & 0xFF) + 1;
        }
        if (i + 2 >= p.length) {
            return false;
        }
        int qtype = ((p[i + 1] & 0xFF) << 8) | (p[i + 2] & 0xFF);
        return isTransfer(qtype);
    }
}
