package org.flatracoon.netstack.hesiod.tsig;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/** Encodes responses to TSIG-carrying requests: signed when the request was, RFC 8945 error answers otherwise. */
public final class TsigResponses {

    private TsigResponses() {
    }

    /**
     * The answer to a request whose TSIG failed: RCODE NOTAUTH and the TSIG error (RFC 8945 §5.2). BADTIME is
     * signed with the key; BADKEY and BADSIG cannot be, so they carry a TSIG record with an empty MAC.
     */
    public static byte[] error(Message request, TsigVerdict verdict, Clock clock) {
        Message response = new Message(request.getHeader().getID());
        Header h = response.getHeader();
        h.setFlag(Flags.QR);
        h.setOpcode(request.getHeader().getOpcode());
        if (request.getHeader().getFlag(Flags.RD)) {
            h.setFlag(Flags.RD);
        }
        h.setRcode(Rcode.NOTAUTH);
        if (request.getQuestion() != null) {
            response.addRecord(request.getQuestion(), Section.QUESTION);
        }
        TSIGRecord asked = verdict.request();
        if (verdict.error() == Rcode.BADTIME && verdict.signer() != null) {
            response.setTSIG(verdict.signer(), Rcode.BADTIME, asked);
            return response.toWire(65_535);
        }
        response.addRecord(new TSIGRecord(asked.getName(), DClass.ANY, 0, asked.getAlgorithm(), clock.instant(),
                TSIG.FUDGE, new byte[0], request.getHeader().getID(), verdict.error(), null), Section.ADDITIONAL);
        return response.toWire();
    }

    /** Encodes one response, signed if the request was validly signed. */
    public static byte[] encode(Message response, TsigVerdict verdict, int maxLength) {
        if (verdict.isSigned()) {
            response.setTSIG(verdict.signer(), Rcode.NOERROR, verdict.request());
            return response.toWire(maxLength);
        }
        return response.toWire(maxLength);
    }

    /**
     * Encodes the messages of one multi-message answer (a zone transfer): RFC 8945 §5.3.1 chains each MAC to the
     * previous one. Every message is signed.
     */
    public static List<byte[]> encodeStream(List<Message> messages, TsigVerdict verdict) {
        if (!verdict.isSigned()) {
            return messages.stream().map(Message::toWire).toList();
        }
        TSIGRecord previous = verdict.request();
        boolean first = true;
        List<byte[]> wires = new ArrayList<>();
        for (Message m : messages) {
            verdict.signer().applyStream(m, previous, first);
            previous = m.getTSIG();
            first = false;
            wires.add(m.toWire());
        }
        return wires;
    }
}
