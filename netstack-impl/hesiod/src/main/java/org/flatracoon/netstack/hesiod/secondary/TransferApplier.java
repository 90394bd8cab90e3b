package org.flatracoon.netstack.hesiod.secondary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.flatracoon.netstack.hesiod.zone.ZoneHistory;
import org.flatracoon.netstack.hesiod.zone.ZoneLoadException;
import org.flatracoon.netstack.hesiod.zone.ZoneProblem;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Turns a received transfer into the next zone snapshot, with the same checks as a zone file (every TXT
 * parsed by its Hesiod map): pure, nothing is served until the whole result is valid. A transfer with any
 * problem is refused as a whole and the caller keeps serving the old data.
 */
public final class TransferApplier {
    private TransferApplier() {
    }

    /** The new zone and its history. */
    public record Applied(HesiodZone zone, ZoneHistory history) {
    }

    /**
     * @param apex    the configured zone name: the transferred SOA must be its
     * @param current the zone served now, if any (IXFR deltas apply to it)
     * @param source  names the transfer in problems, e.g. {@code AXFR from 192.0.2.1:53}
     * @throws ZoneLoadException for everything wrong with the transferred data
     */
    public static Applied apply(Name apex, Optional<HesiodZone> current, ZoneHistory history, Transfer transfer,
                                String source) throws ZoneLoadException {
        if (transfer instanceof Transfer.Full full) {
            List<Record> records = new ArrayList<>(full.records());
            // AXFR repeats the SOA at the end; the zone has it once
            if (records.size() > 1 && records.get(records.size() - 1).getType() == Type.SOA) {
                records.remove(records.size() - 1);
            }
            HesiodZone zone = HesiodZone.fromRecords(source, records);
            checkApex(apex, zone, source);
            ZoneHistory next = current.filter(c -> c.apex().equals(zone.apex()))
                    .map(c -> history.plus(ZoneDelta.between(c, zone)))
                    .orElse(ZoneHistory.empty());
            return new Applied(zone, next);
        }
        if (transfer instanceof Transfer.Incremental incremental) {
            if (current.isEmpty()) {
                throw problem(source, "IXFR deltas but no zone to apply them to");
            }
            HesiodZone zone = current.get();
            ZoneHistory next = history;
            for (ZoneDelta delta : incremental.deltas()) {
                if (delta.fromSerial() != zone.serial()) {
                    throw problem(source, "IXFR step from serial " + delta.fromSerial() + " does not follow serial "
                            + zone.serial());
                }
                zone = HesiodZone.fromRecords(source, delta.applyTo(zone));
                next = next.plus(delta);
            }
            checkApex(apex, zone, source);
            return new Applied(zone, next);
        }
        throw new IllegalArgumentException("nothing to apply: " + transfer);
    }

    private static void checkApex(Name apex, HesiodZone zone, String source) throws ZoneLoadException {
        if (!zone.apex().equals(apex)) {
            throw problem(source, "transferred zone has apex " + zone.apex() + ", expected " + apex);
        }
    }

    /** The serial of the SOA among records, for logs. */
    static long serialOf(List<Record> records) {
        return records.stream().filter(SOARecord.class::isInstance).map(r -> ((SOARecord) r).getSerial())
                .findFirst().orElse(-1L);
    }

    private static ZoneLoadException problem(String source, String message) {
        return new ZoneLoadException(List.of(ZoneProblem.ofFile(source, message)));
    }
}
