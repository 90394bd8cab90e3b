package org.flatracoon.netstack.overlay.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flatracoon.netstack.overlay.crypto.PairKeys;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.ConfigMember;
import org.flatracoon.netstack.overlay.netconf.NetworkConfig;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.Hello;
import org.flatracoon.netstack.overlay.wire.Membership;
import org.flatracoon.netstack.overlay.wire.Packet;
import org.flatracoon.netstack.overlay.wire.Sealer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiving side of one member, packet by packet, with the peer played by the test. */
class DataPlaneTest {
    private static final long REVISION = 5;
    private final Identity controller = Identity.generate();
    private final NetworkId nwid = NetworkId.of(controller.address(), 1);
    private final Identity self = Identity.generate();
    private final Identity peer = Identity.generate();
    private final InetSocketAddress peerEndpoint = new InetSocketAddress("203.0.113.7", 9993);
    private final RecordingDatagrams udp = new RecordingDatagrams();
    private final AgentMetrics metrics = new AgentMetrics(Map::of, () -> REVISION);
    private final AtomicInteger newerConfigs = new AtomicInteger();
    private final FakeHost.FakePort port = new FakeHost.FakePort("zt0");
    private final Sealer sealer = new Sealer();
    private DataPlane plane;

    @BeforeEach
    void join() {
        plane = new DataPlane(self, nwid, 1234, udp, null, metrics, 3_000_000_000L, newerConfigs::incrementAndGet);
        plane.port(port);
        NetworkConfig config = new NetworkConfig(nwid.toString(), "t", REVISION, 0, 2800, true, true,
                self.address().toString(), List.of("198.51.100.1/24"), List.of(),
                Membership.issue(controller, nwid, self.address(), REVISION).toHex(), List.of(
                member(self, "203.0.113.8/9993"), member(peer, "203.0.113.7/9993")));
        plane.view(NetworkView.of(config, controller.publicIdentity(), self, nwid, 1234, null));
    }

    private static ConfigMember member(Identity id, String endpoint) {
        return new ConfigMember(id.publicIdentity().toString(), List.of(), List.of(endpoint));
    }

    private void receive(byte[] b, int length) {
        plane.receive(b, length, peerEndpoint, sealer, ByteBuffer.wrap(b));
    }

    private byte[] hello(Identity from, long timestamp, long epoch, Membership com) {
        byte[] b = new byte[Hello.LENGTH];
        Hello.write(b, from, self.address(), nwid, timestamp, epoch, Hello.REPLY_WANTED, com);
        return b;
    }

    private byte[] data(long epoch, long counter, long sourceMac) {
        byte[] b = new byte[Packet.OVERHEAD + 60];
        long dst = MacAddress.of(self.address(), nwid);
        for (int i = 0; i < 6; i++) {
            b[Packet.SEALED_HEADER + i] = (byte) (dst >>> (40 - 8 * i));
            b[Packet.SEALED_HEADER + 6 + i] = (byte) (sourceMac >>> (40 - 8 * i));
        }
        Packet.header(b, Packet.DATA, self.address(), peer.address());
        new Sealer().seal(b, 60, new PairKeys(peer, self.publicIdentity(), nwid).sendKey(epoch), epoch, counter);
        return b;
    }

    private long peerMac() {
        return MacAddress.of(peer.address(), nwid);
    }

    @Test
    void aNewPeerIsGreetedAndItsHelloOpensASessionThatCarriesFramesOnce() throws Exception {
        assertThat(udp.sent).anyMatch(s -> s.to().equals(peerEndpoint) && s.bytes()[0] == Packet.HELLO);
        long now = System.currentTimeMillis();
        receive(hello(peer, now, 77, Membership.issue(controller, nwid, peer.address(), REVISION)), Hello.LENGTH);
        assertThat(udp.sent).filteredOn(s -> s.bytes()[0] == Packet.HELLO).hasSize(2); // greeting and reply

        byte[] frame = data(77, 1, peerMac());
        receive(frame.clone(), frame.length);
        assertThat(port.delivered(1000)).hasSize(1);
        receive(frame.clone(), frame.length);
        assertThat(metrics.drops(Drop.REPLAY)).isEqualTo(1);
        assertThat(port.delivered(100)).isEmpty();
    }

    @Test
    void framesUnderAnEpochWithoutHelloAreDroppedAndAHelloIsAskedFor() {
        byte[] frame = data(99, 1, peerMac());
        receive(frame, frame.length);
        assertThat(metrics.drops(Drop.UNKNOWN_SESSION)).isEqualTo(1);
    }

    @Test
    void aReplayedHelloOfAnOlderSessionCannotRollTheKeysBack() throws Exception {
        long now = System.currentTimeMillis();
        byte[] old = hello(peer, now, 1, Membership.issue(controller, nwid, peer.address(), REVISION));
        receive(old.clone(), Hello.LENGTH);
        receive(hello(peer, now + 1, 2, Membership.issue(controller, nwid, peer.address(), REVISION)), Hello.LENGTH);
        receive(old, Hello.LENGTH);
        assertThat(metrics.drops(Drop.BAD_HELLO)).isEqualTo(1);
        byte[] frame = data(2, 1, peerMac());
        receive(frame, frame.length);
        assertThat(port.delivered(1000)).hasSize(1);
    }

    @Test
    void strangersAndSelfCertifiedMembershipsAreRefused() {
        Identity stranger = Identity.generate();
        long now = System.currentTimeMillis();
        receive(hello(stranger, now, 1, Membership.issue(stranger, nwid, stranger.address(), REVISION)),
                Hello.LENGTH);
        assertThat(metrics.drops(Drop.NOT_MEMBER)).isEqualTo(1);
        assertThat(newerConfigs).hasValue(0);
        // certified by the controller after our config: refused for now, and our config is refreshed
        receive(hello(stranger, now, 1, Membership.issue(controller, nwid, stranger.address(), REVISION + 1)),
                Hello.LENGTH);
        assertThat(metrics.drops(Drop.NOT_MEMBER)).isEqualTo(2);
        assertThat(newerConfigs).hasValue(1);
        // a member presenting someone else's certificate
        receive(hello(peer, now, 1, Membership.issue(controller, nwid, stranger.address(), REVISION)), Hello.LENGTH);
        assertThat(metrics.drops(Drop.NOT_MEMBER)).isEqualTo(3);
    }

    @Test
    void aFrameWhoseEthernetSourceIsNotThePeersIsDropped() throws Exception {
        receive(hello(peer, System.currentTimeMillis(), 7, Membership.issue(controller, nwid, peer.address(),
                REVISION)), Hello.LENGTH);
        byte[] frame = data(7, 1, 0x02_00_00_00_00_01L);
        receive(frame, frame.length);
        assertThat(metrics.drops(Drop.SPOOFED_SOURCE)).isEqualTo(1);
        assertThat(port.delivered(100)).isEmpty();
    }

    @Test
    void aPeerProbingFromANewAddressIsAnsweredThereAndProbedThereFromNowOn() {
        receive(hello(peer, System.currentTimeMillis(), 7, Membership.issue(controller, nwid, peer.address(),
                REVISION)), Hello.LENGTH);
        InetSocketAddress moved = new InetSocketAddress("203.0.113.99", 4000);
        byte[] probe = new byte[Packet.OVERHEAD + 8];
        Packet.header(probe, Packet.PROBE, self.address(), peer.address());
        int n = new Sealer().seal(probe, 8, new PairKeys(peer, self.publicIdentity(), nwid).sendKey(7), 7, 1);
        udp.sent.clear();
        plane.receive(probe, n, moved, sealer, ByteBuffer.wrap(probe));
        assertThat(udp.sent).extracting(s -> s.bytes()[0], s -> s.to())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Packet.PROBE_ACK, moved));
        udp.sent.clear();
        plane.tick();
        assertThat(udp.sent).filteredOn(s -> s.bytes()[0] == Packet.PROBE).extracting(s -> s.to())
                .containsExactlyInAnyOrder(peerEndpoint, moved);
    }

    @Test
    void randomAndTruncatedDatagramsAreCountedAndNeverDeliveredOrThrown() throws Exception {
        java.util.Random random = new java.util.Random(20261126);
        long before = 0;
        for (Drop d : Drop.values()) {
            before += (long) metrics.drops(d);
        }
        byte[] genuineHello = hello(peer, System.currentTimeMillis(), 5, Membership.issue(controller, nwid,
                peer.address(), REVISION));
        int n = 2000;
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[random.nextInt(400)];
            random.nextBytes(b);
            if (b.length > Packet.HEADER && random.nextBoolean()) {
                b[Packet.TYPE] = (byte) (1 + random.nextInt(4)); // a known type
                Packet.header(b, b[Packet.TYPE], self.address(), random.nextBoolean() ? peer.address()
                        : Identity.generate().address());
                b[Packet.TYPE] = (byte) (1 + random.nextInt(4));
            }
            if (i % 50 == 0) { // a genuine HELLO with one signed byte changed (the hop count is not signed)
                b = genuineHello.clone();
                int at = random.nextInt(b.length - 1);
                b[at == Packet.HOPS ? 0 : at] ^= (byte) (1 + random.nextInt(255));
            }
            receive(b, b.length);
        }
        long after = 0;
        for (Drop d : Drop.values()) {
            after += (long) metrics.drops(d);
        }
        assertThat(after - before).isEqualTo(n);
        assertThat(port.delivered(100)).isEmpty();
    }

    @Test
    void withoutAConfigNothingIsAccepted() {
        plane.view(null);
        byte[] frame = data(7, 1, peerMac());
        receive(frame, frame.length);
        assertThat(metrics.drops(Drop.UNKNOWN_PEER)).isEqualTo(1);
        receive(hello(peer, System.currentTimeMillis(), 7, Membership.issue(controller, nwid, peer.address(),
                REVISION)), Hello.LENGTH);
        assertThat(metrics.drops(Drop.BAD_HELLO)).isEqualTo(1);
    }

    /** Records what the data plane sends. */
    static final class RecordingDatagrams implements Datagrams {
        record Sent(byte[] bytes, InetSocketAddress to) {
        }

        final List<Sent> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(ByteBuffer packet, InetSocketAddress to) {
            byte[] b = new byte[packet.remaining()];
            packet.get(b);
            sent.add(new Sent(b, to));
        }

        @Override
        public InetSocketAddress receive(ByteBuffer into) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int port() {
            return 9993;
        }

        @Override
        public void close() {
        }
    }
}
