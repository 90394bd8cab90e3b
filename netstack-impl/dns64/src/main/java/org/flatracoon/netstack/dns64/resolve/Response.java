package org.flatracoon.netstack.dns64.resolve;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;

/**
 * An upstream resolver's answer to one question, reduced to what we pass on: the RCODE, the AD bit and the
 * three record sections (without OPT or TSIG, which belong to one hop).
 */
public record Response(int rcode, boolean authenticData, List<Record> answer, List<Record> authority,
                       List<Record> additional) {

    public Response {
        answer = List.copyOf(answer);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    public static Response of(Message message) {
        Predicate<Record> perHop = r -> r instanceof OPTRecord || r instanceof TSIGRecord;
        return new Response(message.getRcode(), message.getHeader().getFlag(Flags.AD),
                message.getSection(Section.ANSWER), message.getSection(Section.AUTHORITY),
                message.getSection(Section.ADDITIONAL).stream().filter(perHop.negate()).toList());
    }

    public boolean isNxdomain() {
        return rcode == Rcode.NXDOMAIN;
    }

    public boolean isNoerror() {
        return rcode == Rcode.NOERROR;
    }

    /**
     * The negative-caching TTL of RFC 2308 §5: min(TTL, MINIMUM) of the SOA in AUTHORITY, if the response has one.
     */
    public OptionalLong negativeTtl() {
        return authority.stream().filter(SOARecord.class::isInstance).map(SOARecord.class::cast)
                .mapToLong(soa -> Math.min(soa.getTTL(), soa.getMinimum())).min();
    }

    /** The same response with every TTL lowered by {@code seconds} (not below zero): what a cache hands out. */
    public Response aged(long seconds) {
        if (seconds <= 0) {
            return this;
        }
        return new Response(rcode, authenticData, Records.aged(answer, seconds), Records.aged(authority, seconds),
                Records.aged(additional, seconds));
    }
}
