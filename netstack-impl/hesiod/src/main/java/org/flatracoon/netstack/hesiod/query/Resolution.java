package org.flatracoon.netstack.hesiod.query;

import java.util.List;
import org.xbill.DNS.Record;

/** The outcome of looking a question up in a zone: RCODE, ANSWER and AUTHORITY sections. */
record Resolution(int rcode, List<Record> answers, List<Record> authority) {
}
