package org.flatracoon.netstack.hesiod.update;

import java.util.Optional;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.xbill.DNS.Rcode;

/**
 * What an UPDATE does: the RCODE to answer and, if the zone changed, the new zone and the change to journal.
 *
 * @param reason why it was refused or failed, for the log; empty on success
 */
public record UpdateResult(int rcode, HesiodZone zone, ZoneDelta delta, String reason) {

    static UpdateResult rejected(int rcode, String reason) {
        return new UpdateResult(rcode, null, null, reason);
    }

    static UpdateResult unchanged() {
        return new UpdateResult(Rcode.NOERROR, null, null, "");
    }

    static UpdateResult changed(HesiodZone zone, ZoneDelta delta) {
        return new UpdateResult(Rcode.NOERROR, zone, delta, "");
    }

    /** The new zone and its change, if the update changed anything. */
    public Optional<ZoneDelta> change() {
        return Optional.ofNullable(delta);
    }
}
