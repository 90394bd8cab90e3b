package org.flatracoon.netstack.overlay.wire;

import javax.crypto.SecretKey;
import org.flatracoon.netstack.overlay.crypto.PairKeys;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;

/**
 * One-core throughput of the data path's crypto: {@link Sealer#seal} and {@link Sealer#open} of one packet at a time,
 * in place, with the reused JDK Cipher, for several frame sizes. Run (after test-compile):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.flatracoon.netstack.overlay.wire.SealerBenchmark}
 */
public final class SealerBenchmark {
    private SealerBenchmark() {
    }

    public static void main(String[] args) {
        Identity a = Identity.generate();
        Identity b = Identity.generate();
        NetworkId nwid = NetworkId.of(a.address(), 1);
        SecretKey send = new PairKeys(a, b.publicIdentity(), nwid).sendKey(1);
        SecretKey receive = new PairKeys(b, a.publicIdentity(), nwid).receiveKey(1);
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        for (int size : new int[] {1414, 2814, 9014, 30014, 60014}) {
            byte[] packet = new byte[size + Packet.OVERHEAD];
            Sealer sealer = new Sealer();
            Sealer opener = new Sealer();
            long counter = 0;
            // warm-up, then measure seal+open pairs (the cost one packet has on sender plus receiver)
            for (int i = 0; i < 2000; i++) {
                Packet.header(packet, Packet.DATA, b.address(), a.address());
                int n = sealer.seal(packet, size, send, 1, ++counter);
                opener.open(packet, n, receive);
            }
            long sealNanos = 0;
            long openNanos = 0;
            long packets = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Packet.header(packet, Packet.DATA, b.address(), a.address());
                long t0 = System.nanoTime();
                int n = sealer.seal(packet, size, send, 1, ++counter);
                long t1 = System.nanoTime();
                if (opener.open(packet, n, receive) != size) {
                    throw new IllegalStateException("round trip failed");
                }
                openNanos += System.nanoTime() - t1;
                sealNanos += t1 - t0;
                packets++;
            }
            System.out.printf("frame %5d B: seal %7.1f MB/s (%6.0f ns/pkt), open %7.1f MB/s (%6.0f ns/pkt)%n", size,
                    packets * (double) size / sealNanos * 1e3, sealNanos / (double) packets,
                    packets * (double) size / openNanos * 1e3, openNanos / (double) packets);
        }
    }
}
