package org.flatracoon.netstack.bgp.rib;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.PrefixBuffer;
import org.flatracoon.netstack.bgp.wire.UpdateDecoder;
import org.flatracoon.netstack.bgp.wire.UpdateEncoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Decoding plus RIB insertion of N prefixes without sockets, several rounds in one JVM (the first includes JIT
 * warm-up). {@code -Dbgp.perf=N} to run; prints CPU time per round.
 */
class RibPerformanceTest {
    @Test
    void decodeAndInsert() {
        int n = Integer.getInteger("bgp.perf", 0);
        Assumptions.assumeTrue(n > 0, "set -Dbgp.perf=N to measure N prefixes");
        PathAttributes attrs = PathAttributes.builder().origin(0).asPath(AsPath.sequence(65010))
                .nextHop(new byte[] {(byte) 198, 51, 100, 10}).build();
        List<byte[]> updates = new ArrayList<>();
        PrefixBuffer batch = new PrefixBuffer(Family.IPV4);
        UpdateEncoder encoder = new UpdateEncoder(true);
        for (int i = 0; i < n; i += 1000) {
            batch.clear();
            for (int j = i; j < Math.min(n, i + 1000); j++) {
                batch.add(0x0A000000L + ((long) j << 8), 0, 24);
            }
            updates.addAll(encoder.announce(Family.IPV4, attrs, batch, 0, batch.size()));
        }
        var threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 4; round++) {
            AttributeInterner interner = new AttributeInterner();
            Rib rib = new Rib(65001, 0x0A000001L, 0x0A000001L, interner, RouteSink.NONE);
            RibPeer peer = new RibPeer("198.51.100.10", new byte[] {(byte) 198, 51, 100, 10}, true, 65010, false, false,
                    Policy.acceptAll("all"), Policy.acceptAll("all"));
            rib.addPeer(peer);
            peer.negotiated(0x0A00000AL, true, EnumSet.of(Family.IPV4), new byte[] {(byte) 198, 51, 100, 1}, null, 65001,
                    m -> { });
            rib.peerUp(peer);
            UpdateDecoder decoder = new UpdateDecoder(interner);
            UpdateDecoder.Context ctx = new UpdateDecoder.Context(true, true, 65010, EnumSet.of(Family.IPV4));
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            int k = 0;
            for (byte[] m : updates) {
                rib.receive(peer, decoder.decode(ByteBuffer.wrap(m, 19, m.length - 19), ctx));
                if (++k % 16 == 0) {
                    rib.flush();
                }
            }
            rib.flush();
            System.out.printf("PERF round %d: %d prefixes decoded and in the Loc-RIB (%d): CPU %.2f s, wall %.2f s%n", round,
                    n, rib.locRibSize(Family.IPV4), (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (System.nanoTime() - wall) / 1e9);
        }
    }
}
