package org.flatracoon.netstack.hesiod.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

class TsigKeyringTest {
    private static final String SECRET = "dHJhbnNmZXIta2V5LXNlY3JldC1mb3ItdGVzdHMtMDE=";
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private final TsigKey key = TsigKey.of("k1", "hmac-sha256", SECRET);
    private final TsigKeyring keyring = new TsigKeyring(List.of(key), Clock.fixed(NOW, ZoneOffset.UTC));

    private static byte[] signed(TSIG signer) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromConstantString("ns.example.org."), Type.AXFR,
                DClass.HS));
        q.setTSIG(signer, Rcode.NOERROR, null);
        return q.toWire(65_535);
    }

    private TsigVerdict verify(byte[] wire) throws Exception {
        return keyring.verify(new Message(wire), wire);
    }

    @Test
    void validUnsignedAndEachTsigError() throws Exception {
        Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(verify(signed(key.tsig(now))).isSigned()).isTrue();
        assertThat(verify(signed(key.tsig(now))).signedWith(key)).isTrue();

        byte[] plain = Message.newQuery(Record.newRecord(Name.root, Type.SOA, DClass.IN)).toWire();
        assertThat(verify(plain).status()).isEqualTo(TsigVerdict.Status.UNSIGNED);

        TsigKey otherSecret = TsigKey.of("k1", "hmac-sha256", "b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldC0wMDAwMDA=");
        assertThat(verify(signed(otherSecret.tsig(now))).errorLabel()).isEqualTo("BADSIG");

        TsigKey unknown = TsigKey.of("k2", "hmac-sha256", SECRET);
        assertThat(verify(signed(unknown.tsig(now))).errorLabel()).isEqualTo("BADKEY");
        TsigKey otherAlgorithm = TsigKey.of("k1", "hmac-sha512", SECRET);
        assertThat(verify(signed(otherAlgorithm.tsig(now))).errorLabel()).isEqualTo("BADKEY");

        Clock stale = Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        TsigVerdict badTime = verify(signed(key.tsig(stale)));
        assertThat(badTime.errorLabel()).isEqualTo("BADTIME");
        assertThat(badTime.signer()).as("BADTIME answers are signed").isNotNull();
    }

    @Test
    void errorAnswersAreNotauthWithTheTsigError() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        byte[] wire = signed(TsigKey.of("k2", "hmac-sha256", SECRET).tsig(clock));
        Message request = new Message(wire);
        Message answer = new Message(TsigResponses.error(request, keyring.verify(request, wire), clock));
        assertThat(answer.getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(answer.getTSIG().getError()).isEqualTo(Rcode.BADKEY);
        assertThat(answer.getTSIG().getSignature()).isEmpty();

        Clock stale = Clock.fixed(NOW.minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        byte[] old = signed(key.tsig(stale));
        Message oldRequest = new Message(old);
        byte[] badTimeWire = TsigResponses.error(oldRequest, keyring.verify(oldRequest, old), clock);
        Message badTime = new Message(badTimeWire);
        assertThat(badTime.getTSIG().getError()).isEqualTo(Rcode.BADTIME);
        assertThat(badTime.getTSIG().getSignature()).isNotEmpty();
    }
}
