package org.flatracoon.netstack.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid messages (flipped bytes, changed lengths, truncation, random tails): the decoders
 * must always answer with a value or a classified error, never an exception.
 */
class DecoderFuzzTest {
    private static final int ROUNDS = 200_000;

    private static byte[] sampleUpdate() {
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65002, 65010))
                .nextHop(new byte[] {(byte) 198, 51, 100, 2}).med(5).communities(new int[] {0xFDEA0007})
                .largeCommunities(new int[] {65002, 1, 2}).unknownTransitive(Hex.bytes("e0f00568656c6c6f")).build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV4);
        p.add(0xCB007100L, 0, 24);
        p.add(0xCB007180L, 0, 25);
        return new UpdateEncoder(true).announce(Family.IPV4, a, p, 0, 2).get(0);
    }

    private static byte[] sampleV6Update() {
        PathAttributes a = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65002))
                .nextHop(Prefixes.parseAddress("2001:db8::2").orElseThrow()).build();
        PrefixBuffer p = new PrefixBuffer(Family.IPV6);
        p.add(0x20010DB800010000L, 0, 48);
        return new UpdateEncoder(true).announce(Family.IPV6, a, p, 0, 1).get(0);
    }

    private static byte[] mutate(byte[] m, Random r) {
        byte[] b = m.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    b[19 + r.nextInt(b.length - 19)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, 19 + r.nextInt(b.length - 19));
            case 2 -> {
                b = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(16));
                for (int i = m.length; i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
            }
            default -> {
                int at = 19 + r.nextInt(b.length - 19);
                b[at] = (byte) (b[at] + (r.nextBoolean() ? 1 : -1));
            }
        }
        return b;
    }

    @Test
    void mutatedUpdatesAreAlwaysClassified() {
        Random r = new Random(7606);
        UpdateDecoder decoder = new UpdateDecoder(new AttributeInterner());
        List<UpdateDecoder.Context> contexts = List.of(
                new UpdateDecoder.Context(true, true, 65002, EnumSet.allOf(Family.class)),
                new UpdateDecoder.Context(false, false, 65001, EnumSet.of(Family.IPV4)));
        List<byte[]> samples = List.of(sampleUpdate(), sampleV6Update());
        int[] outcomes = new int[3];
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(samples.get(i % 2), r);
            UpdateDecoder.Context ctx = contexts.get(r.nextInt(2));
            assertThatCode(() -> {
                UpdateMessage u = decoder.decode(ByteBuffer.wrap(m, 19, m.length - 19), ctx);
                UpdateError e = u.error();
                outcomes[e == null ? 0 : e.resetsSession() ? 2 : 1]++;
                if (e != null && !e.resetsSession()) {
                    assertThat(u.announced(Family.IPV4).isEmpty() && u.announced(Family.IPV6).isEmpty())
                            .as("treat-as-withdraw leaves nothing announced").isTrue();
                }
                if (e != null) {
                    assertThat(e.notification().code()).isEqualTo(Notification.UPDATE_ERROR);
                }
            }).doesNotThrowAnyException();
        }
        assertThat(java.util.Arrays.stream(outcomes).boxed().toList()).as("ok, treat-as-withdraw, reset all happen")
                .allMatch(n -> n > 1000);
    }

    @Test
    void mutatedOpensAndHeadersAreAlwaysClassified() {
        Random r = new Random(4271);
        byte[] open = OpenMessage.of(65002, 90, 0x0A000002L, List.of(Capability.multiprotocol(Family.IPV4),
                Capability.fourOctetAs(65002), Capability.routeRefresh(), Capability.gracefulRestartHelper(120))).encode();
        for (int i = 0; i < ROUNDS; i++) {
            byte[] m = mutate(open, r);
            assertThatCode(() -> {
                Decoded<OpenMessage> d = OpenMessage.decode(ByteBuffer.wrap(m, 19, m.length - 19));
                assertThat(d.ok() != (d.error() != null)).isTrue();
                d.ok();
                if (d.ok()) {
                    d.value().families();
                    d.value().capabilityNames();
                    d.value().asn();
                }
                byte[] header = java.util.Arrays.copyOf(m, Math.max(19, m.length));
                header[16 + r.nextInt(3)] = (byte) r.nextInt(256);
                Messages.checkHeader(ByteBuffer.wrap(header));
                if (m.length >= 21) {
                    Messages.decodeNotification(ByteBuffer.wrap(m, 19, m.length - 19));
                }
                Messages.decodeRouteRefresh(ByteBuffer.wrap(m, 19, Math.min(4, m.length - 19)), m);
            }).doesNotThrowAnyException();
        }
    }
}
