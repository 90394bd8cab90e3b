package org.flatracoon.netstack.hesiod.zone;

import org.xbill.DNS.Record;

/** A record together with the zone-file line it came from, for error messages. */
record SourcedRecord(Record record, int line) {
}
