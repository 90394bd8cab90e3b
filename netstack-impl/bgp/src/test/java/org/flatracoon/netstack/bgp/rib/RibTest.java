package org.flatracoon.netstack.bgp.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.policy.Rule;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.PrefixBuffer;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.flatracoon.netstack.bgp.wire.UpdateDecoder;
import org.flatracoon.netstack.bgp.wire.UpdateEncoder;
import org.flatracoon.netstack.bgp.wire.UpdateMessage;
import org.junit.jupiter.api.Test;

/** The RIB fed with real encoded UPDATEs; what each peer is sent is decoded back. */
class RibTest {
    private static final long OWN_AS = 65001;
    private static final long ROUTER_ID = 0x0A000001L;
    private static final Policy ALL = Policy.acceptAll("all");
    private static final String PREFIX = "203.0.113.0/24";

    private final AttributeInterner interner = new AttributeInterner();
    private final List<String> kernel = new ArrayList<>();
    private final Rib rib = new Rib(OWN_AS, ROUTER_ID, ROUTER_ID, interner, new RouteSink() {
        @Override
        public void install(Family family, long hi, long lo, int length, byte[] nextHop) {
            kernel.add("add " + Prefixes.format(family, hi, lo, length) + " via " + Prefixes.addressOf(nextHop));
        }

        @Override
        public void remove(Family family, long hi, long lo, int length) {
            kernel.add("del " + Prefixes.format(family, hi, lo, length));
        }
    });

    /** A peer whose received UPDATEs are decoded into announcements "prefix attrs" and withdrawals "-prefix". */
    private final class Peer {
        final RibPeer rib;
        final List<String> sent = new ArrayList<>();
        final List<PathAttributes> sentAttributes = new ArrayList<>();

        Peer(String address, long as, boolean rrClient, Policy in, Policy out, long routerId) {
            byte[] a = Prefixes.parseAddress(address).orElseThrow();
            rib = new RibPeer(address, a, as != OWN_AS, as, rrClient, false, in, out);
            RibTest.this.addPeer(rib);
            UpdateDecoder decoder = new UpdateDecoder(new AttributeInterner());
            UpdateDecoder.Context ctx = new UpdateDecoder.Context(true, false, 0, EnumSet.allOf(Family.class));
            rib.negotiated(routerId, true, EnumSet.allOf(Family.class), Prefixes.parseAddress("198.51.100.1").orElseThrow(),
                    Prefixes.parseAddress("2001:db8::1").orElseThrow(), OWN_AS, messages -> {
                        for (byte[] m : messages) {
                            if (m[18] != 2) {
                                sent.add("type " + m[18]);
                                continue;
                            }
                            UpdateMessage u = decoder.decode(ByteBuffer.wrap(m, 19, m.length - 19), ctx);
                            if (u.endOfRib() != null) {
                                sent.add("eor " + u.endOfRib().label());
                            }
                            for (Family f : Family.values()) {
                                for (int i = 0; i < u.withdrawn(f).size(); i++) {
                                    sent.add("-" + u.withdrawn(f).format(i));
                                }
                                for (int i = 0; i < u.announced(f).size(); i++) {
                                    sent.add(u.announced(f).format(i));
                                    sentAttributes.add(u.attributes(f));
                                }
                            }
                        }
                    });
            RibTest.this.rib.peerUp(rib);
        }
    }

    void addPeer(RibPeer p) {
        rib.addPeer(p);
    }

    private Peer peer(String address, long as) {
        return new Peer(address, as, false, ALL, ALL, Prefixes.hiOf(Prefixes.parseAddress(address).orElseThrow()));
    }

    private static PathAttributes.Builder attrs(String nextHop, long... path) {
        return PathAttributes.builder().origin(0).asPath(AsPath.sequence(path))
                .nextHop(Prefixes.parseAddress(nextHop).orElseThrow());
    }

    private void announce(Peer from, PathAttributes.Builder a, String... prefixes) {
        PrefixBuffer buffer = new PrefixBuffer(Family.IPV4);
        for (String p : prefixes) {
            Prefixes.Parsed parsed = Prefixes.parse(p, new String[1]).orElseThrow();
            buffer.add(parsed.hi(), parsed.lo(), parsed.length());
        }
        byte[] m = new UpdateEncoder(true).announce(Family.IPV4, a.build(), buffer, 0, buffer.size()).get(0);
        deliver(from, m);
    }

    private void withdraw(Peer from, String prefix) {
        PrefixBuffer buffer = new PrefixBuffer(Family.IPV4);
        Prefixes.Parsed parsed = Prefixes.parse(prefix, new String[1]).orElseThrow();
        buffer.add(parsed.hi(), parsed.lo(), parsed.length());
        deliver(from, new UpdateEncoder(true).withdraw(Family.IPV4, buffer, 0, 1).get(0));
    }

    private void deliver(Peer from, byte[] m) {
        UpdateMessage u = new UpdateDecoder(interner).decode(ByteBuffer.wrap(m, 19, m.length - 19),
                new UpdateDecoder.Context(true, from.rib.ebgp(), from.rib.remoteAs, EnumSet.allOf(Family.class)));
        assertThat(u.error()).isNull();
        rib.receive(from.rib, u);
        rib.flush();
    }

    private String best() {
        RouteView v = rib.view(Family.IPV4, 0xCB007100L, 0, 24);
        return v.paths().isEmpty() || !v.paths().get(0).best() ? null : v.paths().get(0).from();
    }

    @Test
    void shorterAsPathWinsAndIsInstalledInTheKernel() {
        Peer a = peer("198.51.100.2", 65002);
        Peer b = peer("198.51.100.3", 65003);
        announce(a, attrs("198.51.100.2", 65002, 65010, 65020), PREFIX);
        announce(b, attrs("198.51.100.3", 65003, 65020), PREFIX);
        assertThat(best()).isEqualTo("198.51.100.3");
        assertThat(kernel).containsExactly("add 203.0.113.0/24 via 198.51.100.2", "add 203.0.113.0/24 via 198.51.100.3");
        withdraw(b, PREFIX);
        assertThat(best()).isEqualTo("198.51.100.2");
        withdraw(a, PREFIX);
        assertThat(best()).isNull();
        assertThat(kernel).endsWith("del 203.0.113.0/24");
    }

    @Test
    void higherLocalPrefBeatsShorterPath() {
        Policy prefer = new Policy("prefer", List.of(new Rule(Rule.Match.ANY,
                new Rule.Set(200L, null, 0, null, null, null, null, false, null), true)));
        Peer a = new Peer("198.51.100.2", 65002, false, prefer, ALL, 2);
        Peer b = peer("198.51.100.3", 65003);
        announce(a, attrs("198.51.100.2", 65002, 65010, 65020), PREFIX);
        announce(b, attrs("198.51.100.3", 65003), PREFIX);
        assertThat(best()).isEqualTo("198.51.100.2");
    }

    @Test
    void lowerOriginThenLowerMedFromTheSameAsThenEbgpThenRouterId() {
        Peer a = peer("198.51.100.2", 65002);
        Peer b = peer("198.51.100.3", 65002);
        announce(a, attrs("198.51.100.2", 65002).origin(2), PREFIX);
        announce(b, attrs("198.51.100.3", 65002).origin(0), PREFIX);
        assertThat(best()).as("origin").isEqualTo("198.51.100.3");
        announce(a, attrs("198.51.100.2", 65002).med(5), PREFIX);
        announce(b, attrs("198.51.100.3", 65002).med(10), PREFIX);
        assertThat(best()).as("MED").isEqualTo("198.51.100.2");
        announce(a, attrs("198.51.100.2", 65002), PREFIX);
        announce(b, attrs("198.51.100.3", 65002), PREFIX);
        assertThat(best()).as("router id").isEqualTo("198.51.100.2");
    }

    @Test
    void ebgpIsPreferredOverIbgp() {
        Peer internal = peer("198.51.100.4", OWN_AS);
        Peer external = peer("198.51.100.5", 65005);
        announce(internal, PathAttributes.builder().origin(0).asPath(AsPath.sequence(65005)).localPref(100)
                .nextHop(Prefixes.parseAddress("198.51.100.9").orElseThrow()), PREFIX);
        announce(external, attrs("198.51.100.5", 65005), PREFIX);
        assertThat(best()).isEqualTo("198.51.100.5");
    }

    @Test
    void ourOwnAsInThePathIsALoop() {
        Peer a = peer("198.51.100.2", 65002);
        announce(a, attrs("198.51.100.2", 65002, OWN_AS), PREFIX);
        assertThat(best()).isNull();
        assertThat(a.rib.received(Family.IPV4)).isEqualTo(1);
        assertThat(a.rib.accepted(Family.IPV4)).isZero();
    }

    @Test
    void rfc8212NoImportPolicyOnEbgpAcceptsNothingAndNoExportPolicySendsNothing() {
        Peer bare = new Peer("198.51.100.2", 65002, false, null, null, 2);
        Peer other = peer("198.51.100.3", 65003);
        announce(bare, attrs("198.51.100.2", 65002), PREFIX);
        assertThat(best()).isNull();
        announce(other, attrs("198.51.100.3", 65003), PREFIX);
        assertThat(best()).isEqualTo("198.51.100.3");
        assertThat(bare.sent).doesNotContain(PREFIX);
    }

    @Test
    void ibgpWithoutPoliciesIsAllowed() {
        Peer internal = new Peer("198.51.100.4", OWN_AS, false, null, null, 4);
        announce(internal, PathAttributes.builder().origin(0).asPath(AsPath.EMPTY)
                .nextHop(Prefixes.parseAddress("198.51.100.9").orElseThrow()), PREFIX);
        assertThat(best()).isEqualTo("198.51.100.4");
    }

    @Test
    void ebgpExportPrependsOurAsSetsNextHopSelfAndDropsLocalPrefAndMed() {
        Peer from = peer("198.51.100.2", 65002);
        Peer to = peer("198.51.100.3", 65003);
        announce(from, attrs("198.51.100.2", 65002).med(7), PREFIX);
        assertThat(to.sent).contains(PREFIX);
        PathAttributes out = to.sentAttributes.get(to.sentAttributes.size() - 1);
        assertThat(AsPath.format(out.asPath())).isEqualTo("65001 65002");
        assertThat(out.nextHopText()).isEqualTo("198.51.100.1");
        assertThat(out.med()).isEqualTo(-1);
        assertThat(out.localPref()).isEqualTo(-1);
        assertThat(from.sent).as("not sent back to where it came from").doesNotContain(PREFIX);
    }

    @Test
    void ibgpRoutesAreNotSentToOtherIbgpPeersWithoutReflection() {
        Peer a = peer("198.51.100.4", OWN_AS);
        Peer b = peer("198.51.100.5", OWN_AS);
        announce(a, PathAttributes.builder().origin(0).asPath(AsPath.EMPTY).nextHop(Prefixes.parseAddress("198.51.100.9")
                .orElseThrow()), PREFIX);
        assertThat(b.sent).doesNotContain(PREFIX);
    }

    @Test
    void routeReflectorReflectsFromAClientAddingOriginatorIdAndClusterList() {
        Peer client = new Peer("198.51.100.4", OWN_AS, true, null, null, 0x0A000004L);
        Peer nonClient = new Peer("198.51.100.5", OWN_AS, false, null, null, 0x0A000005L);
        announce(client, PathAttributes.builder().origin(0).asPath(AsPath.EMPTY)
                .nextHop(Prefixes.parseAddress("198.51.100.9").orElseThrow()), PREFIX);
        assertThat(nonClient.sent).contains(PREFIX);
        PathAttributes out = nonClient.sentAttributes.get(nonClient.sentAttributes.size() - 1);
        assertThat(out.originatorId()).isEqualTo(0x0A000004L);
        assertThat(out.clusterList()).containsExactly((int) ROUTER_ID);
        assertThat(out.nextHopText()).as("next hop unchanged when reflecting").isEqualTo("198.51.100.9");
        assertThat(out.localPref()).isEqualTo(100);
    }

    @Test
    void aReflectedRouteCarryingOurClusterIdOrRouterIdIsDropped() {
        Peer internal = peer("198.51.100.4", OWN_AS);
        announce(internal, PathAttributes.builder().origin(0).asPath(AsPath.EMPTY).clusterList(new int[] {(int) ROUTER_ID})
                .nextHop(Prefixes.parseAddress("198.51.100.9").orElseThrow()), PREFIX);
        assertThat(best()).isNull();
        announce(internal, PathAttributes.builder().origin(0).asPath(AsPath.EMPTY).originatorId(ROUTER_ID)
                .nextHop(Prefixes.parseAddress("198.51.100.9").orElseThrow()), PREFIX);
        assertThat(best()).isNull();
    }

    @Test
    void noExportAndNoAdvertiseCommunitiesAreHonoured() {
        Peer from = peer("198.51.100.2", 65002);
        Peer ebgp = peer("198.51.100.3", 65003);
        Peer ibgp = peer("198.51.100.4", OWN_AS);
        announce(from, attrs("198.51.100.2", 65002).communities(new int[] {PathAttributes.NO_EXPORT}), PREFIX);
        assertThat(ebgp.sent).doesNotContain(PREFIX);
        assertThat(ibgp.sent).contains(PREFIX);
        announce(from, attrs("198.51.100.2", 65002).communities(new int[] {PathAttributes.NO_ADVERTISE}), PREFIX);
        assertThat(ibgp.sent).contains("-" + PREFIX);
    }

    @Test
    void originatedNetworksAreSentWithOurAsAndNextHopAndEndOfRibFollowsTheTable() {
        rib.originate(Family.IPV6, 0x20010DB800010000L, 0, 48);
        rib.flush();
        Peer late = peer("198.51.100.3", 65003);
        assertThat(late.sent).containsExactly("eor ipv4", "2001:db8:1::/48", "eor ipv6");
        PathAttributes out = late.sentAttributes.get(0);
        assertThat(AsPath.format(out.asPath())).isEqualTo("65001");
        assertThat(out.nextHopText()).isEqualTo("2001:db8::1");
    }

    @Test
    void peerDownWithdrawsItsRoutesFromOthersAndTheKernel() {
        Peer a = peer("198.51.100.2", 65002);
        Peer b = peer("198.51.100.3", 65003);
        announce(a, attrs("198.51.100.2", 65002), PREFIX);
        rib.peerDown(a.rib);
        assertThat(best()).isNull();
        assertThat(b.sent).containsSubsequence(PREFIX, "-" + PREFIX);
        assertThat(kernel).endsWith("del 203.0.113.0/24");
    }

    @Test
    void anEnhancedRouteRefreshDropsWhatThePeerDidNotSendAgain() {
        Peer a = peer("198.51.100.2", 65002);
        announce(a, attrs("198.51.100.2", 65002), PREFIX, "198.51.100.0/25");
        rib.beginRefresh(a.rib, Family.IPV4);
        announce(a, attrs("198.51.100.2", 65002), PREFIX);
        assertThat(rib.locRibSize(Family.IPV4)).as("nothing is dropped before the EoRR").isEqualTo(2);
        rib.endRefresh(a.rib, Family.IPV4);
        assertThat(rib.locRibSize(Family.IPV4)).isEqualTo(1);
        assertThat(best()).isEqualTo("198.51.100.2");
        assertThat(kernel).endsWith("del 198.51.100.0/25");
    }

    @Test
    void aRouteRefreshRequestResendsTheAdjRibOutBetweenBorrAndEorr() {
        Peer a = peer("198.51.100.2", 65002);
        Peer b = peer("198.51.100.3", 65003);
        announce(a, attrs("198.51.100.2", 65002), PREFIX);
        b.sent.clear();
        rib.refresh(b.rib, Family.IPV4, true);
        assertThat(b.sent).containsExactly("type 5", PREFIX, "type 5");
        b.sent.clear();
        rib.refresh(b.rib, Family.IPV4, false);
        assertThat(b.sent).containsExactly(PREFIX, "eor ipv4");
    }

    @Test
    void manyPrefixesWithOneAttributeSetLeaveInFullUpdates() {
        Peer a = peer("198.51.100.2", 65002);
        Peer b = peer("198.51.100.3", 65003);
        String[] prefixes = new String[900];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = "10." + (i / 256) + "." + (i % 256) + ".0/24";
        }
        b.sent.clear();
        announce(a, attrs("198.51.100.2", 65002), prefixes);
        assertThat(b.sent).hasSize(900);
        assertThat(rib.locRibSize(Family.IPV4)).isEqualTo(900);
    }
}
