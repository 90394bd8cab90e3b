package org.flatracoon.netstack.hesiod.secondary;

import java.util.List;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.xbill.DNS.Record;

/** What a primary sent in answer to our AXFR or IXFR. */
public sealed interface Transfer {
    /** "AXFR" or "IXFR": what the primary actually sent, for metrics and logs. */
    String type();

    /** The whole zone (AXFR, or an IXFR answered AXFR-style): records in the transfer class, SOA first. */
    record Full(List<Record> records) implements Transfer {
        public Full {
            records = List.copyOf(records);
        }

        @Override
        public String type() {
            return "AXFR";
        }
    }

    /** IXFR deltas, oldest first, in class HS. */
    record Incremental(List<ZoneDelta> deltas) implements Transfer {
        public Incremental {
            deltas = List.copyOf(deltas);
        }

        @Override
        public String type() {
            return "IXFR";
        }
    }

    /** The primary says we are current. */
    record UpToDate() implements Transfer {
        @Override
        public String type() {
            return "IXFR";
        }
    }
}
