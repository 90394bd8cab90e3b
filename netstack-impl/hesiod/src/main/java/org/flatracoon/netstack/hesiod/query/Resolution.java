package org.flatracoon.netstack.hesiod.query;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * The outcome of looking a question up in a zone: RCODE, ANSWER, AUTHORITY and ADDITIONAL sections, and whether
 * the answer is authoritative (AA). A referral is NOERROR, not authoritative, with the child's NS RRset in
 * AUTHORITY and glue in ADDITIONAL.
 */
record Resolution(int rcode, List<Record> answers, List<Record> authority, List<Record> additional,
                  boolean authoritative) {

    /** An authoritative answer without additional records. */
    Resolution(int rcode, List<Record> answers, List<Record> authority) {
        this(rcode, answers, authority, List.of(), true);
    }
}
