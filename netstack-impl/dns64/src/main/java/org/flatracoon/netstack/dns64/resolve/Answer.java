package org.flatracoon.netstack.dns64.resolve;

import java.util.List;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/** Our answer to one question, before it becomes a message: RCODE, AA and AD bits, sections, and how it came about. */
public record Answer(int rcode, boolean authoritative, boolean authenticData, List<Record> answer,
                     List<Record> authority, List<Record> additional, Outcome outcome) {

    public Answer {
        answer = List.copyOf(answer);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    static Answer forwarded(Response response) {
        return new Answer(response.rcode(), false, response.authenticData(), response.answer(), response.authority(),
                response.additional(), Outcome.FORWARDED);
    }

    static Answer synthesized(List<Record> answer) {
        // synthesised data is never validated data: AD stays clear (RFC 6147 §5.5)
        return new Answer(Rcode.NOERROR, false, false, answer, List.of(), List.of(), Outcome.SYNTHESIZED_AAAA);
    }

    static Answer serverFailure() {
        return new Answer(Rcode.SERVFAIL, false, false, List.of(), List.of(), List.of(), Outcome.UPSTREAM_FAILED);
    }
}
