package org.flatracoon.netstack.bgp.server;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flatracoon.netstack.bgp.config.NeighborConfig;
import org.flatracoon.netstack.bgp.fsm.Fsm;
import org.flatracoon.netstack.bgp.fsm.State;
import org.flatracoon.netstack.bgp.fsm.TimerService;
import org.flatracoon.netstack.bgp.rib.Rib;
import org.flatracoon.netstack.bgp.rib.RibPeer;
import org.flatracoon.netstack.bgp.wire.Capability;
import org.flatracoon.netstack.bgp.wire.Decoded;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.Notification;
import org.flatracoon.netstack.bgp.wire.OpenMessage;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.flatracoon.netstack.bgp.wire.UpdateDecoder;
import org.flatracoon.netstack.bgp.wire.UpdateError;
import org.flatracoon.netstack.bgp.wire.UpdateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured neighbour: its state machine(s), connection(s), counters, and the glue to the RIB. Usually one
 * {@link Attempt} (FSM + connection); two during a connection collision (RFC 4271 §6.8) until one is dropped.
 * Everything runs on the event loop.
 */
final class Session {
    private static final Logger LOG = LoggerFactory.getLogger("bgp");
    private static final int GRACEFUL_RESTART_SECONDS = 120;

    private final NeighborConfig config;
    private final String name;
    private final long ownAs;
    private final long routerId;
    private final EventLoop loop;
    private final Rib rib;
    private final RibPeer ribPeer;
    private final BgpMetrics metrics;
    private final OpenMessage ourOpen;
    private final UpdateDecoder decoder;
    private Attempt primary;
    private Attempt secondary;
    private TimerService.Timer restart;
    private boolean stopped;
    private boolean closing;

    // status
    private long establishedAt;
    private int establishedTransitions;
    private String lastError;
    private OpenMessage peerOpen;
    private int holdTime;
    private Set<Family> negotiatedFamilies = EnumSet.noneOf(Family.class);
    private boolean routeRefresh;
    private boolean enhancedRouteRefresh;
    private UpdateDecoder.Context decodeContext;

    Session(NeighborConfig config, long ownAs, long routerId, EventLoop loop, Rib rib, BgpMetrics metrics) {
        this.config = config;
        this.name = Prefixes.addressOf(config.address().getAddress());
        this.ownAs = ownAs;
        this.routerId = routerId;
        this.loop = loop;
        this.rib = rib;
        this.metrics = metrics;
        this.ribPeer = new RibPeer(name, config.address().getAddress(), config.ebgp(ownAs), config.remoteAs(),
                config.routeReflectorClient(), config.nextHopSelf(), config.importPolicy(), config.exportPolicy());
        rib.addPeer(ribPeer);
        List<Capability> caps = new ArrayList<>();
        for (Family f : config.families()) {
            caps.add(Capability.multiprotocol(f));
        }
        caps.add(Capability.routeRefresh());
        caps.add(Capability.enhancedRouteRefresh());
        caps.add(Capability.fourOctetAs(ownAs));
        // helper-only graceful restart: FRR sends End-of-RIB only to speakers that send it (PROTOCOLS §1.2)
        caps.add(Capability.gracefulRestartHelper(GRACEFUL_RESTART_SECONDS));
        ourOpen = OpenMessage.of(ownAs, config.holdTime(), routerId, caps);
        decoder = new UpdateDecoder(rib.interner());
    }

    String name() {
        return name;
    }

    NeighborConfig config() {
        return config;
    }

    RibPeer ribPeer() {
        return ribPeer;
    }

    void start() {
        stopped = false;
        if (primary == null) {
            primary = new Attempt(null);
        }
        primary.fsm.start();
    }

    /** Administrative stop with a Cease subcode; no automatic restart. */
    void stop(int ceaseSubcode) {
        stopped = true;
        cancelRestart();
        Notification cease = Notification.of(Notification.CEASE, ceaseSubcode);
        if (secondary != null) {
            secondary.fsm.stop(cease);
        }
        if (primary != null) {
            primary.fsm.stop(cease);
        }
    }

    void close() {
        closing = true;
        stop(Notification.ADMINISTRATIVE_SHUTDOWN);
    }

    State state() {
        return primary == null ? State.IDLE : primary.fsm.state();
    }

    /** An incoming TCP connection from this neighbour's address. */
    void accept(SocketChannel channel) {
        State s = state();
        if (stopped) {
            closeChannel(channel);
            return;
        }
        try {
            if (s == State.IDLE || s == State.CONNECT || s == State.ACTIVE) {
                cancelRestart();
                if (primary != null && primary.connection != null) {
                    primary.connection.close();
                }
                if (primary == null || s == State.IDLE) {
                    primary = new Attempt(null);
                }
                primary.adopt(channel);
            } else if ((s == State.OPEN_SENT || s == State.OPEN_CONFIRM) && secondary == null) {
                secondary = new Attempt(null);
                secondary.adopt(channel);
            } else {
                // §6.8: a collision with an Established session closes the new connection
                channel.write(ByteBuffer.wrap(Messages.notification(Notification.of(Notification.CEASE,
                        Notification.CONNECTION_COLLISION))));
                closeChannel(channel);
            }
        } catch (IOException e) {
            LOG.warn("bgp: neighbor {}: cannot accept connection: {}", name, e.toString());
            closeChannel(channel);
        }
    }

    private static void closeChannel(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // gone anyway
        }
    }

    private void cancelRestart() {
        if (restart != null) {
            restart.cancel();
            restart = null;
        }
    }

    private void scheduleRestart(int seconds) {
        cancelRestart();
        restart = loop.schedule(seconds * 1000L, () -> {
            restart = null;
            if (!stopped && !closing) {
                start();
            }
        });
    }

    // ---- what one attempt (FSM + connection) does ----

    private final class Attempt implements Fsm.Actions, Connection.Handler {
        final Fsm fsm;
        Connection connection;

        Attempt(Connection connection) {
            this.connection = connection;
            this.fsm = new Fsm(new Fsm.Settings(ourOpen, config.holdTime(), config.connectRetry(), config.passive()),
                    loop, this);
        }

        void adopt(SocketChannel channel) throws IOException {
            connection = Connection.accepted(loop, channel, this);
            fsm.startOnAcceptedConnection();
        }

        @Override
        public void connect() {
            try {
                connection = Connection.connect(loop, new InetSocketAddress(config.address(), config.port()),
                        config.localAddress(), this);
            } catch (IOException e) {
                lastError = "connect failed: " + e.getMessage();
                loop.execute(fsm::connectionFailed);
            }
        }

        @Override
        public void disconnect() {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }

        @Override
        public void send(byte[] message) {
            if (connection != null) {
                int type = message[18] & 0xFF;
                metrics.message(name, "out", type);
                if (type == Messages.NOTIFICATION) {
                    Notification n = Messages.decodeNotification(ByteBuffer.wrap(message, 19, message.length - 19));
                    metrics.notification(name, "out", n);
                    lastError = "sent NOTIFICATION " + n.describe();
                }
                connection.send(message);
            }
        }

        @Override
        public Notification checkOpen(OpenMessage open) {
            if (open.asn() != config.remoteAs()) {
                return Notification.withShort(Notification.OPEN_ERROR, Notification.BAD_PEER_AS, open.myAs());
            }
            if (!ribPeer.ebgp() && open.bgpId() == routerId) {
                return Notification.of(Notification.OPEN_ERROR, Notification.BAD_BGP_IDENTIFIER);
            }
            Set<Family> common = EnumSet.copyOf(open.families());
            common.retainAll(config.families());
            if (common.isEmpty()) {
                return Notification.of(Notification.OPEN_ERROR, Notification.UNSUPPORTED_CAPABILITY,
                        Capability.multiprotocol(config.families().iterator().next()).value());
            }
            Attempt other = this == primary ? secondary : primary;
            if (other != null && other.fsm.state() == State.OPEN_CONFIRM) {
                // §6.8: keep the connection opened by the speaker with the higher BGP identifier
                boolean keepOurs = Long.compareUnsigned(routerId, open.bgpId()) > 0;
                Attempt loser = (connection.outgoing() == keepOurs) ? other : this;
                LOG.info("bgp: neighbor {}: connection collision, closing the {} connection", name,
                        loser.connection != null && loser.connection.outgoing() ? "outgoing" : "incoming");
                if (loser == this) {
                    return Notification.of(Notification.CEASE, Notification.CONNECTION_COLLISION);
                }
                other.fsm.stop(Notification.of(Notification.CEASE, Notification.CONNECTION_COLLISION));
            }
            return null;
        }

        @Override
        public void established(OpenMessage peer, int hold) {
            if (this != primary) {
                // the collision winner: the other attempt is already gone or goes now
                Attempt old = primary;
                primary = this;
                secondary = null;
                if (old != null) {
                    old.fsm.stop(Notification.of(Notification.CEASE, Notification.CONNECTION_COLLISION));
                }
            } else if (secondary != null) {
                Attempt s = secondary;
                secondary = null;
                s.fsm.stop(Notification.of(Notification.CEASE, Notification.CONNECTION_COLLISION));
            }
            peerOpen = peer;
            holdTime = hold;
            establishedAt = System.currentTimeMillis();
            establishedTransitions++;
            negotiatedFamilies = EnumSet.copyOf(peer.families());
            negotiatedFamilies.retainAll(config.families());
            boolean fourOctet = peer.fourOctetAs();
            routeRefresh = peer.has(Capability.ROUTE_REFRESH);
            enhancedRouteRefresh = peer.has(Capability.ENHANCED_ROUTE_REFRESH);
            decodeContext = new UpdateDecoder.Context(fourOctet, ribPeer.ebgp(), config.remoteAs(), negotiatedFamilies);
            InetSocketAddress local = connection.localAddress();
            byte[] localBytes = local == null ? null : local.getAddress().getAddress();
            byte[] hop4 = config.ipv4NextHop() != null ? config.ipv4NextHop()
                    : localBytes != null && localBytes.length == 4 ? localBytes : ipv4(routerId);
            byte[] hop6 = config.ipv6NextHop() != null ? config.ipv6NextHop()
                    : localBytes != null && localBytes.length == 16 ? localBytes : Prefixes.asIpv6(hop4);
            LOG.info("bgp: neighbor {} Established (AS {}, router id {}, hold {} s, families {})", name, peer.asn(),
                    Prefixes.addressOf(ipv4(peer.bgpId())), hold,
                    negotiatedFamilies.stream().map(Family::label).toList());
            ribPeer.negotiated(peer.bgpId(), fourOctet, negotiatedFamilies, hop4, hop6, ownAs, messages -> {
                Connection c = connection;
                if (c == null) {
                    return;
                }
                for (byte[] m : messages) {
                    metrics.message(name, "out", m[18] & 0xFF);
                    c.send(m);
                }
                fsm.messageSent();
            });
            rib.peerUp(ribPeer);
        }

        @Override
        public void idle(String reason, boolean wasEstablished) {
            if (wasEstablished || reason.startsWith("received") || reason.contains("NOTIFICATION")) {
                LOG.info("bgp: neighbor {}: {}", name, reason);
            } else {
                LOG.debug("bgp: neighbor {}: {}", name, reason);
            }
            if (reason.startsWith("received NOTIFICATION") || reason.startsWith("hold timer")
                    || reason.contains("sent NOTIFICATION") || reason.startsWith("OPEN refused")
                    || reason.startsWith("connection closed") || reason.startsWith("unexpected")) {
                lastError = reason;
            }
            if (this == secondary) {
                secondary = null;
                return;
            }
            if (this != primary) {
                return;
            }
            if (wasEstablished) {
                establishedAt = 0;
                holdTime = 0;
                rib.peerDown(ribPeer);
            }
            if (secondary != null) {
                primary = secondary;
                secondary = null;
                return;
            }
            primary = null;
            if (!stopped && !closing) {
                scheduleRestart(config.connectRetry());
            }
        }

        // ---- connection events ----

        @Override
        public void connected(Connection c) {
            fsm.connected();
        }

        @Override
        public void connectFailed(Connection c, String reason) {
            lastError = "connect failed: " + reason;
            connection = null;
            fsm.connectionFailed();
        }

        @Override
        public void closed(Connection c, String reason) {
            connection = null;
            if (fsm.state() == State.ESTABLISHED || fsm.state() == State.OPEN_CONFIRM) {
                lastError = reason;
            }
            fsm.connectionFailed();
        }

        @Override
        public void headerError(Connection c, Notification n) {
            fsm.messageError(n, "bad message header");
        }

        @Override
        public void readBurstDone(Connection c) {
            rib.flush();
        }

        @Override
        public boolean message(Connection c, int type, ByteBuffer body, byte[] whole) {
            metrics.message(name, "in", type);
            try {
                dispatch(type, body, whole);
            } catch (RuntimeException e) {
                // a decoding path we did not foresee: this session ends, the speaker and the others go on
                LOG.error("bgp: neighbor {}: cannot handle a {} message: {}", name, Messages.typeName(type), e.toString(), e);
                fsm.messageError(Notification.of(type == Messages.UPDATE ? Notification.UPDATE_ERROR
                        : type == Messages.OPEN ? Notification.OPEN_ERROR : Notification.CEASE, 0), "internal error");
            }
            return connection == c && fsm.state() != State.IDLE;
        }

        private void dispatch(int type, ByteBuffer body, byte[] whole) {
            switch (type) {
                case Messages.OPEN -> {
                    Decoded<OpenMessage> open = OpenMessage.decode(body);
                    if (!open.ok()) {
                        fsm.messageError(open.error(), "bad OPEN");
                    } else {
                        fsm.openReceived(open.value());
                    }
                }
                case Messages.KEEPALIVE -> fsm.keepaliveReceived();
                case Messages.NOTIFICATION -> {
                    Notification n = Messages.decodeNotification(body);
                    metrics.notification(name, "in", n);
                    fsm.notificationReceived(n);
                }
                case Messages.UPDATE -> update(body);
                case Messages.ROUTE_REFRESH -> routeRefresh(body, whole);
                default -> fsm.messageError(Notification.of(Notification.HEADER_ERROR, Notification.BAD_MESSAGE_TYPE,
                        new byte[] {(byte) type}), "bad message type");
            }
        }

        private void update(ByteBuffer body) {
            fsm.updateReceived();
            if (fsm.state() != State.ESTABLISHED) {
                return;
            }
            UpdateMessage u = decoder.decode(body, decodeContext);
            if (!u.discarded().isEmpty()) {
                metrics.updateError(name, "attribute-discard");
                LOG.debug("bgp: neighbor {}: attributes discarded: {}", name, u.discarded());
            }
            UpdateError error = u.error();
            if (error != null) {
                metrics.updateError(name, error.action().label());
                if (error.resetsSession()) {
                    LOG.warn("bgp: neighbor {}: malformed UPDATE: {}", name, error);
                    fsm.messageError(error.notification(), "malformed UPDATE (" + error.reason() + ")");
                    return;
                }
                LOG.warn("bgp: neighbor {}: UPDATE treated as withdraw: {}", name, error.reason());
                lastError = "treat-as-withdraw: " + error.reason();
            }
            rib.receive(ribPeer, u);
            if (config.maxPrefix() > 0 && ribPeer.acceptedTotal() > config.maxPrefix()) {
                maxPrefixExceeded();
            }
        }

        private void maxPrefixExceeded() {
            LOG.warn("bgp: neighbor {}: more than {} prefixes accepted: Cease (maximum number of prefixes)", name,
                    config.maxPrefix());
            long max = config.maxPrefix();
            Family f = negotiatedFamilies.isEmpty() ? Family.IPV4 : negotiatedFamilies.iterator().next();
            // RFC 4486 §4: AFI, SAFI and the upper bound
            byte[] data = ByteBuffer.allocate(7).putShort((short) f.afi()).put((byte) f.safi()).putInt((int) Math.min(max,
                    0xFFFF_FFFFL)).array();
            fsm.stop(Notification.of(Notification.CEASE, Notification.MAX_PREFIXES, data));
            lastError = "sent NOTIFICATION " + Notification.of(Notification.CEASE, Notification.MAX_PREFIXES).describe();
            if (config.maxPrefixRestart() > 0) {
                scheduleRestart(config.maxPrefixRestart());
            } else {
                stopped = true;
                cancelRestart();
            }
        }

        private void routeRefresh(ByteBuffer body, byte[] whole) {
            fsm.updateReceived();
            if (fsm.state() != State.ESTABLISHED) {
                return;
            }
            Decoded<Messages.RouteRefresh> rr = Messages.decodeRouteRefresh(body, whole);
            if (!rr.ok()) {
                fsm.messageError(rr.error(), "bad ROUTE-REFRESH");
                return;
            }
            Family f = Family.of(rr.value().afi(), rr.value().safi()).orElse(null);
            if (f == null || !negotiatedFamilies.contains(f)) {
                return; // RFC 2918 §4: ignore an AFI/SAFI that was not advertised
            }
            switch (rr.value().subtype()) {
                case Messages.REFRESH_REQUEST -> rib.refresh(ribPeer, f, enhancedRouteRefresh);
                case Messages.REFRESH_BEGIN -> rib.beginRefresh(ribPeer, f);
                case Messages.REFRESH_END -> rib.endRefresh(ribPeer, f);
                default -> LOG.debug("bgp: neighbor {}: ROUTE-REFRESH subtype {} ignored", name, rr.value().subtype());
            }
        }
    }

    static byte[] ipv4(long id) {
        return new byte[] {(byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
    }

    // ---- status ----

    record Status(String address, long remoteAs, String description, String type, String state, long uptimeSeconds,
                  String peerRouterId, int holdTime, int keepalive, List<String> localCapabilities,
                  List<String> peerCapabilities, List<String> negotiated, long received, long accepted, long advertised,
                  long[] receivedPerFamily, long[] acceptedPerFamily, long[] advertisedPerFamily, String importPolicy,
                  String exportPolicy, String lastError, int establishedTransitions) {
    }

    Status status() {
        boolean up = state() == State.ESTABLISHED;
        List<String> negotiated = new ArrayList<>();
        if (up) {
            negotiatedFamilies.forEach(f -> negotiated.add(f.capabilityName()));
            if (routeRefresh) {
                negotiated.add("route-refresh");
            }
            if (enhancedRouteRefresh) {
                negotiated.add("enhanced-route-refresh");
            }
            if (peerOpen.fourOctetAs()) {
                negotiated.add("four-octet-as");
            }
            if (peerOpen.has(Capability.GRACEFUL_RESTART)) {
                negotiated.add("graceful-restart");
            }
        }
        int n = Family.values().length;
        long[] rec = new long[n];
        long[] acc = new long[n];
        long[] adv = new long[n];
        for (Family f : Family.values()) {
            rec[f.ordinal()] = ribPeer.received(f);
            acc[f.ordinal()] = ribPeer.accepted(f);
            adv[f.ordinal()] = ribPeer.advertised(f);
        }
        return new Status(name, config.remoteAs(), config.description(), ribPeer.ebgp() ? "ebgp" : "ibgp",
                state().label(), up ? (System.currentTimeMillis() - establishedAt) / 1000 : 0,
                peerOpen == null ? null : Prefixes.addressOf(ipv4(peerOpen.bgpId())),
                up ? holdTime : 0, up ? holdTime / 3 : 0, ourOpen.capabilityNames(),
                peerOpen == null ? List.of() : peerOpen.capabilityNames(), negotiated,
                rec[0] + rec[1], acc[0] + acc[1], adv[0] + adv[1], rec, acc, adv,
                config.importPolicy() == null ? null : config.importPolicy().name(),
                config.exportPolicy() == null ? null : config.exportPolicy().name(), lastError, establishedTransitions);
    }

    boolean matches(InetAddress remote) {
        if (remote.equals(config.address())) {
            return true;
        }
        // an IPv4 peer seen through a dual-stack socket as ::ffff:a.b.c.d
        byte[] r = remote.getAddress();
        return config.address() instanceof Inet4Address && r.length == 16 && r[10] == (byte) 0xFF && r[11] == (byte) 0xFF
                && java.util.Arrays.equals(java.util.Arrays.copyOfRange(r, 12, 16), config.address().getAddress());
    }
}
