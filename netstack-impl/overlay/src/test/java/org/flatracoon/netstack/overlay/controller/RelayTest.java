package org.flatracoon.netstack.overlay.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.ConfigRequest;
import org.flatracoon.netstack.overlay.wire.Datagrams;
import org.flatracoon.netstack.overlay.wire.Hello;
import org.flatracoon.netstack.overlay.wire.Membership;
import org.flatracoon.netstack.overlay.wire.Packet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayTest {
    @TempDir
    Path state;
    private final Identity a = Identity.generate();
    private final Identity b = Identity.generate();
    private final InetSocketAddress ea = new InetSocketAddress("203.0.113.1", 9993);
    private final InetSocketAddress eb = new InetSocketAddress("203.0.113.2", 9993);
    private final List<Object[]> sent = new CopyOnWriteArrayList<>();
    private Controller controller;
    private ControllerMetrics metrics;
    private Relay relay;
    private NetworkId nwid;

    @BeforeEach
    void setUp() throws Exception {
        controller = new Controller(Identity.generate(), state, System::currentTimeMillis);
        nwid = NetworkId.parse(controller.createNetwork(new ObjectMapper().createObjectNode()).get("id").asText());
        for (Identity m : List.of(a, b)) {
            controller.requestConfig(nwid.toString(), ConfigRequest.sign(m, nwid, System.currentTimeMillis(),
                    List.of(), List.of()));
            authorise(m, true);
        }
        metrics = new ControllerMetrics(controller);
        relay = new Relay(controller, new Recording(), metrics, System::currentTimeMillis);
    }

    private void authorise(Identity m, boolean yes) throws Exception {
        controller.upsertMember(nwid.toString(), m.address().toString(),
                new ObjectMapper().readTree("{\"authorized\":" + yes + "}"));
    }

    private void register(Identity m, InetSocketAddress from) throws Exception {
        byte[] h = new byte[Hello.LENGTH];
        Hello.write(h, m, controller.identity().address(), nwid, System.currentTimeMillis(), 1, Hello.REPLY_WANTED,
                Membership.issue(controller.identity(), nwid, m.address(), 1));
        relay.handle(h, h.length, from);
    }

    private byte[] packet(Identity from, Identity to) {
        byte[] p = new byte[100];
        Packet.header(p, Packet.DATA, to.address(), from.address());
        return p;
    }

    @Test
    void forwardsBetweenRegisteredMembersOfACommonNetwork() throws Exception {
        register(a, ea);
        register(b, eb);
        assertThat(sent).hasSize(2); // a signed HELLO back to each
        sent.clear();
        relay.handle(packet(a, b), 100, ea);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)[1]).isEqualTo(eb);
        assertThat(((byte[]) sent.get(0)[0])[Packet.HOPS]).isEqualTo((byte) 1);
        assertThat(metrics.relayed.get()).isEqualTo(1);
    }

    @Test
    void refusesSpoofedSourcesLoopsStrangersAndDeauthorisedMembers() throws Exception {
        register(a, ea);
        register(b, eb);
        sent.clear();
        relay.handle(packet(a, b), 100, new InetSocketAddress("203.0.113.66", 9993)); // not a's endpoint
        byte[] looped = packet(a, b);
        looped[Packet.HOPS] = Packet.MAX_HOPS;
        relay.handle(looped, 100, ea);
        Identity stranger = Identity.generate();
        register(stranger, new InetSocketAddress("203.0.113.9", 9993));
        relay.handle(packet(stranger, b), 100, new InetSocketAddress("203.0.113.9", 9993));
        authorise(b, false);
        relay.handle(packet(a, b), 100, ea);
        assertThat(sent).isEmpty();
        assertThat(metrics.relayDropped.get()).isEqualTo(5);
    }

    private final class Recording implements Datagrams {
        @Override
        public void send(ByteBuffer packet, InetSocketAddress to) {
            byte[] copy = new byte[packet.remaining()];
            packet.get(copy);
            sent.add(new Object[] {copy, to});
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
