package org.flatracoon.netstack.hesiod.tsig;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/** The configured TSIG keys, and the check of a signed request against them (RFC 8945 §5.2). */
public final class TsigKeyring {
    private final Map<Name, TsigKey> keys;
    private final Clock clock;

    public TsigKeyring(List<TsigKey> keys, Clock clock) {
        this.keys = keys.stream().collect(Collectors.toUnmodifiableMap(TsigKey::name, Function.identity()));
        this.clock = clock;
    }

    public static TsigKeyring empty() {
        return new TsigKeyring(List.of(), Clock.systemUTC());
    }

    public Optional<TsigKey> key(Name name) {
        return Optional.ofNullable(keys.get(name));
    }

    public TSIG tsig(TsigKey key) {
        return key.tsig(clock);
    }

    /**
     * Checks the TSIG of a received message, in RFC 8945 order: key and algorithm known (else BADKEY), MAC
     * (BADSIG), then time within the fudge (BADTIME).
     *
     * @param wire the message exactly as received: the MAC covers those bytes
     */
    public TsigVerdict verify(Message message, byte[] wire) {
        TSIGRecord record = message.getTSIG();
        if (record == null) {
            return TsigVerdict.unsigned();
        }
        TsigKey key = keys.get(record.getName());
        if (key == null || !key.algorithm().equals(record.getAlgorithm())) {
            return TsigVerdict.failed(Rcode.BADKEY, null, record);
        }
        TSIG tsig = tsig(key);
        int result = tsig.verify(message, wire, null);
        if (result == Rcode.NOERROR) {
            return TsigVerdict.valid(key, tsig, record);
        }
        return TsigVerdict.failed(result, result == Rcode.BADTIME ? tsig : null, record);
    }
}
