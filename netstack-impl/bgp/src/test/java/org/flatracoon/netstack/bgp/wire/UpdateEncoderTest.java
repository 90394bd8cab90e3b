package org.flatracoon.netstack.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateEncoderTest {
    private static final UpdateDecoder.Context CTX = new UpdateDecoder.Context(true, false, 65001,
            EnumSet.of(Family.IPV4, Family.IPV6));

    private static UpdateMessage decode(byte[] message, UpdateDecoder.Context ctx) {
        assertThat(Messages.checkHeader(ByteBuffer.wrap(message)).value()).isEqualTo(message.length);
        return new UpdateDecoder(new AttributeInterner()).decode(ByteBuffer.wrap(message, 19, message.length - 19), ctx);
    }

    @Test
    void ipv4AnnouncementGoldenBytes() {
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65001)).nextHop(Hex.bytes("c6336401"))
                .build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV4);
        p.add(0xCB007100L, 0, 24);
        List<byte[]> m = new UpdateEncoder(true).announce(Family.IPV4, a, p, 0, 1);
        assertThat(m).hasSize(1);
        assertThat(Hex.of(m.get(0))).isEqualTo("ffffffffffffffffffffffffffffffff" + "002f" + "02" + "0000" + "0014"
                + "40010100" + "400206020100" + "00fde9" + "400304c6336401" + "18cb0071");
    }

    @Test
    void endOfRibMarkers() {
        assertThat(Hex.of(UpdateEncoder.endOfRib(Family.IPV4))).endsWith("001702" + "00000000");
        assertThat(decode(UpdateEncoder.endOfRib(Family.IPV6), CTX).endOfRib()).isEqualTo(Family.IPV6);
    }

    @Test
    void everyAttributeRoundTrips() {
        PathAttributes a = PathAttributes.builder().origin(2).asPath(AsPath.prepend(AsPath.sequence(65002), 65001, 2))
                .nextHop(Hex.bytes("c6336401")).med(10).localPref(200).atomicAggregate(true).aggregator(65002, 0x0A000002)
                .communities(new int[] {0xFDEA0007, PathAttributes.NO_EXPORT}).largeCommunities(new int[] {65002, 1, 2})
                .originatorId(0x0A000009L).clusterList(new int[] {0x01010101}).unknownTransitive(Hex.bytes("e0f00568656c6c6f"))
                .build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV4);
        p.add(0xCB007100L, 0, 24);
        UpdateMessage m = decode(new UpdateEncoder(true).announce(Family.IPV4, a, p, 0, 1).get(0), CTX);
        assertThat(m.error()).isNull();
        assertThat(m.attributes(Family.IPV4)).isEqualTo(a);
    }

    @Test
    void manyPrefixesArePackedIntoFewUpdatesUnder4096Bytes() {
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65001)).nextHop(Hex.bytes("c6336401"))
                .build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV4);
        for (int i = 0; i < 3000; i++) {
            p.add(0x0A000000L + ((long) i << 8), 0, 24);
        }
        List<byte[]> messages = new UpdateEncoder(true).announce(Family.IPV4, a, p, 0, 3000);
        assertThat(messages).hasSize(3);
        int total = 0;
        for (byte[] m : messages) {
            assertThat(m.length).isLessThanOrEqualTo(4096);
            total += decode(m, CTX).announced(Family.IPV4).size();
        }
        assertThat(total).isEqualTo(3000);
        List<byte[]> withdraws = new UpdateEncoder(true).withdraw(Family.IPV4, p, 0, 3000);
        assertThat(withdraws).hasSize(3);
        assertThat(withdraws.stream().mapToInt(w -> decode(w, CTX).withdrawn(Family.IPV4).size()).sum()).isEqualTo(3000);
    }

    @Test
    void ipv6GoesInMpReachAndMpUnreach() {
        byte[] hop = Prefixes.parseAddress("2001:db8::1").orElseThrow();
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65001)).nextHop(hop).build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV6);
        p.add(0x20010DB800010000L, 0, 48);
        UpdateMessage m = decode(new UpdateEncoder(true).announce(Family.IPV6, a, p, 0, 1).get(0), CTX);
        assertThat(m.announced(Family.IPV6).toString()).isEqualTo("[2001:db8:1::/48]");
        assertThat(m.attributes(Family.IPV6).nextHopText()).isEqualTo("2001:db8::1");
        m = decode(new UpdateEncoder(true).withdraw(Family.IPV6, p, 0, 1).get(0), CTX);
        assertThat(m.withdrawn(Family.IPV6).toString()).isEqualTo("[2001:db8:1::/48]");
    }

    @Test
    void towardsAnOldSpeakerBigAsnsBecomeAsTransWithAs4Path() {
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(4_200_000_000L, 65010))
                .nextHop(Hex.bytes("c6336401")).build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV4);
        p.add(0xCB007100L, 0, 24);
        byte[] m = new UpdateEncoder(false).announce(Family.IPV4, a, p, 0, 1).get(0);
        assertThat(Hex.of(m)).contains("400206020" + "25ba0fdf2").contains("c01" + "10a0202fa56ea000000fdf2");
        UpdateMessage back = decode(m, new UpdateDecoder.Context(false, true, 23456, EnumSet.of(Family.IPV4)));
        assertThat(AsPath.format(back.attributes(Family.IPV4).asPath())).isEqualTo("4200000000 65010");
    }
}
