package org.flatracoon.netstack.hesiod.secondary;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.flatracoon.netstack.hesiod.config.SecondarySettings;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneDelta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferException;
import org.xbill.DNS.ZoneTransferIn;

/**
 * The real {@link TransferClient}: SOA query over UDP (TCP on truncation) and AXFR/IXFR over TCP with dnsjava,
 * in the configured class, signed with the primary key if there is one (dnsjava checks the answers' TSIG).
 */
public final class DnsTransferClient implements TransferClient {
    private static final Logger LOG = LoggerFactory.getLogger(DnsTransferClient.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SecondarySettings settings;
    private final Clock clock;

    public DnsTransferClient(SecondarySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private TSIG tsig() {
        return settings.primaryKey().map(k -> k.tsig(clock)).orElse(null);
    }

    @Override
    public long soaSerial() throws IOException {
        SimpleResolver resolver = new SimpleResolver(settings.primary());
        resolver.setTimeout(Duration.ofSeconds(3));
        TSIG tsig = tsig();
        if (tsig != null) {
            resolver.setTSIGKey(tsig);
        }
        Message query = Message.newQuery(Record.newRecord(settings.name(), Type.SOA, settings.dclass()));
        Message answer = resolver.send(query);
        if (answer.getRcode() != Rcode.NOERROR) {
            throw new IOException("SOA query to " + settings.primary() + ": " + Rcode.string(answer.getRcode()));
        }
        if (tsig != null && !answer.isVerified()) {
            throw new IOException("SOA answer from " + settings.primary() + " is not signed with "
                    + settings.primaryKey().get().name());
        }
        return answer.getSection(Section.ANSWER).stream().filter(SOARecord.class::isInstance)
                .map(r -> ((SOARecord) r).getSerial()).findFirst()
                .orElseThrow(() -> new IOException("SOA query to " + settings.primary() + ": no SOA in the answer"));
    }

    @Override
    public Transfer transfer(OptionalLong serial) throws IOException {
        if (serial.isPresent()) {
            try {
                return run(ZoneTransferIn.newIXFR(settings.name(), serial.getAsLong(), true, settings.primary(),
                        tsig()));
            } catch (IOException e) {
                LOG.info("{}: IXFR from {} failed ({}), trying AXFR", settings.name(), settings.primary(),
                        e.getMessage());
            }
        }
        return run(ZoneTransferIn.newAXFR(settings.name(), settings.primary(), tsig()));
    }

    private Transfer run(ZoneTransferIn xfr) throws IOException {
        xfr.setDClass(settings.dclass());
        xfr.setTimeout(TIMEOUT);
        try {
            xfr.run();
        } catch (ZoneTransferException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (xfr.isCurrent()) {
            return new Transfer.UpToDate();
        }
        if (xfr.isAXFR()) {
            return new Transfer.Full(xfr.getAXFR());
        }
        List<ZoneDelta> deltas = new ArrayList<>();
        for (ZoneTransferIn.Delta d : xfr.getIXFR()) {
            deltas.add(delta(d));
        }
        return new Transfer.Incremental(deltas);
    }

    /** dnsjava lists each step's old SOA first among the deletes and its new SOA first among the adds. */
    static ZoneDelta delta(ZoneTransferIn.Delta d) throws IOException {
        SOARecord from = null;
        SOARecord to = null;
        List<Record> deleted = new ArrayList<>();
        List<Record> added = new ArrayList<>();
        for (Record r : d.deletes) {
            if (r instanceof SOARecord soa && from == null) {
                from = (SOARecord) HesiodZone.inClass(soa, DClass.HS);
            } else {
                deleted.add(HesiodZone.inClass(r, DClass.HS));
            }
        }
        for (Record r : d.adds) {
            if (r instanceof SOARecord soa && to == null) {
                to = (SOARecord) HesiodZone.inClass(soa, DClass.HS);
            } else {
                added.add(HesiodZone.inClass(r, DClass.HS));
            }
        }
        if (from == null || to == null) {
            throw new IOException("IXFR step without its SOA records");
        }
        return new ZoneDelta(from, to, deleted, added);
    }
}
