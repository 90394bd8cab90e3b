package org.flatracoon.netstack.bgp.rib;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flatracoon.netstack.bgp.policy.Policy;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;

/**
 * A neighbour as the RIB sees it: its Adj-RIB-In (received and accepted attributes per prefix), its
 * Adj-RIB-Out, its policies, and what the session negotiated. The session sets the negotiated fields before
 * {@link Rib#peerUp}.
 */
public final class RibPeer {
    /** Receives the UPDATEs that the RIB generates for this peer. */
    public interface Output {
        void send(List<byte[]> messages);
    }

    static final int RECEIVED = 0;
    static final int ACCEPTED = 1;

    final String address;
    final byte[] addressBytes;
    final boolean ebgp;
    final long remoteAs;
    final boolean routeReflectorClient;
    final boolean nextHopSelf;
    final Policy importPolicy;
    final Policy exportPolicy;
    final boolean local;
    final PrefixMap[] adjIn = new PrefixMap[Family.values().length];
    final PrefixMap[] adjOut = new PrefixMap[Family.values().length];
    final long[] accepted = new long[Family.values().length];
    /** During an enhanced route refresh (RFC 7313): the prefixes not yet re-sent since the peer's BoRR. */
    final PrefixMap[] stale = new PrefixMap[Family.values().length];
    boolean loggedNoImport;
    boolean loggedNoExport;

    // negotiated, set by the session
    boolean established;
    long routerId;
    boolean fourOctetAs = true;
    Set<Family> families = EnumSet.noneOf(Family.class);
    byte[] selfNextHop4;
    byte[] selfNextHop6;
    Output output = messages -> { };
    Policy.Context importContext;
    Policy.Context exportContext4;
    Policy.Context exportContext6;

    // export cache: the last transformed attribute set per family
    final PathAttributes[] lastBest = new PathAttributes[Family.values().length];
    final RibPeer[] lastSource = new RibPeer[Family.values().length];
    final PathAttributes[] lastOut = new PathAttributes[Family.values().length];

    public RibPeer(String address, byte[] addressBytes, boolean ebgp, long remoteAs, boolean routeReflectorClient,
                   boolean nextHopSelf, Policy importPolicy, Policy exportPolicy) {
        this(address, addressBytes, ebgp, remoteAs, routeReflectorClient, nextHopSelf, importPolicy, exportPolicy, false);
    }

    private RibPeer(String address, byte[] addressBytes, boolean ebgp, long remoteAs, boolean routeReflectorClient,
                    boolean nextHopSelf, Policy importPolicy, Policy exportPolicy, boolean local) {
        this.address = address;
        this.addressBytes = addressBytes;
        this.ebgp = ebgp;
        this.remoteAs = remoteAs;
        this.routeReflectorClient = routeReflectorClient;
        this.nextHopSelf = nextHopSelf;
        this.importPolicy = importPolicy;
        this.exportPolicy = exportPolicy;
        this.local = local;
        for (Family f : Family.values()) {
            adjIn[f.ordinal()] = new PrefixMap(f, 2);
            adjOut[f.ordinal()] = new PrefixMap(f, 1);
        }
    }

    /** The pseudo-peer that holds our own networks. */
    static RibPeer local() {
        RibPeer p = new RibPeer("local", new byte[4], false, 0, false, false, null, null, true);
        p.established = true;
        p.families = EnumSet.allOf(Family.class);
        return p;
    }

    public String address() {
        return address;
    }

    public boolean ebgp() {
        return ebgp;
    }

    public boolean isLocal() {
        return local;
    }

    public boolean established() {
        return established;
    }

    public Policy importPolicy() {
        return importPolicy;
    }

    public Policy exportPolicy() {
        return exportPolicy;
    }

    /** Called by the session when the OPEN exchange is done, before {@link Rib#peerUp}. */
    public void negotiated(long peerRouterId, boolean fourOctet, Set<Family> negotiatedFamilies, byte[] nextHop4,
                           byte[] nextHop6, long ownAs, Output out) {
        routerId = peerRouterId;
        fourOctetAs = fourOctet;
        families = negotiatedFamilies.isEmpty() ? EnumSet.noneOf(Family.class) : EnumSet.copyOf(negotiatedFamilies);
        selfNextHop4 = nextHop4;
        selfNextHop6 = nextHop6;
        output = out;
        importContext = new Policy.Context(ownAs, null);
        exportContext4 = new Policy.Context(ownAs, nextHop4);
        exportContext6 = new Policy.Context(ownAs, nextHop6);
    }

    public long received(Family f) {
        return adjIn[f.ordinal()].size();
    }

    public long accepted(Family f) {
        return accepted[f.ordinal()];
    }

    public long advertised(Family f) {
        return adjOut[f.ordinal()].size();
    }

    public long acceptedTotal() {
        long n = 0;
        for (long a : accepted) {
            n += a;
        }
        return n;
    }

    byte[] selfNextHop(Family f) {
        return f == Family.IPV4 ? selfNextHop4 : selfNextHop6;
    }

    @Override
    public String toString() {
        return address;
    }
}
