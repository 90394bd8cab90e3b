package org.flatracoon.netstack.bgp.rib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Messages;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.PrefixBuffer;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.flatracoon.netstack.bgp.wire.UpdateEncoder;
import org.flatracoon.netstack.bgp.wire.UpdateMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adj-RIBs-In, the Loc-RIB with the decision process, and the Adj-RIBs-Out with UPDATE generation. Changes are
 * collected and pushed to peers and the kernel in batches by {@link #flush()}, so that a full table arriving in
 * thousands of UPDATEs leaves in few, well-packed ones. Single-threaded: the speaker's event loop owns it.
 */
public final class Rib {
    private static final Logger LOG = LoggerFactory.getLogger(Rib.class);
    private static final int BEST = 0;
    private static final int SOURCE = 1;

    private final long ownAs;
    private final long routerId;
    private final long clusterId;
    private final AttributeInterner interner;
    private final RouteSink sink;
    private final List<RibPeer> peers = new ArrayList<>();
    private final RibPeer local = RibPeer.local();
    private final PrefixMap[] loc = new PrefixMap[Family.values().length];
    private final PrefixBuffer[] changed = new PrefixBuffer[Family.values().length];

    public Rib(long ownAs, long routerId, long clusterId, AttributeInterner interner, RouteSink sink) {
        this.ownAs = ownAs;
        this.routerId = routerId;
        this.clusterId = clusterId;
        this.interner = interner;
        this.sink = sink;
        for (Family f : Family.values()) {
            loc[f.ordinal()] = new PrefixMap(f, 2);
            changed[f.ordinal()] = new PrefixBuffer(f);
        }
        peers.add(local);
    }

    public void addPeer(RibPeer peer) {
        peers.add(peer);
    }

    public AttributeInterner interner() {
        return interner;
    }

    public long ownAs() {
        return ownAs;
    }

    public int locRibSize(Family f) {
        return loc[f.ordinal()].size();
    }

    // ---- input ----

    /** Originates one of our networks (ORIGIN IGP, empty AS path, next hop = the session's address on export). */
    public void originate(Family f, long hi, long lo, int length) {
        PathAttributes attrs = interner.intern(PathAttributes.builder().origin(PathAttributes.ORIGIN_IGP).build());
        PrefixMap in = local.adjIn[f.ordinal()];
        int slot = in.insert(hi, lo, length);
        in.set(slot, RibPeer.RECEIVED, attrs);
        in.set(slot, RibPeer.ACCEPTED, attrs);
        local.accepted[f.ordinal()] = in.size();
        decide(f, hi, lo, length);
    }

    /** Applies a decoded UPDATE (withdrawals first, then announcements). Call {@link #flush()} after a batch. */
    public void receive(RibPeer from, UpdateMessage update) {
        for (Family f : Family.values()) {
            PrefixBuffer w = update.withdrawn(f);
            for (int i = 0; i < w.size(); i++) {
                withdraw(from, f, w.hi(i), w.lo(i), w.length(i));
            }
            PrefixBuffer a = update.announced(f);
            if (!a.isEmpty()) {
                announce(from, f, a, update.attributes(f));
            }
        }
    }

    private void announce(RibPeer from, Family f, PrefixBuffer prefixes, PathAttributes received) {
        PathAttributes eligible = eligible(from, received);
        PrefixMap in = from.adjIn[f.ordinal()];
        for (int i = 0; i < prefixes.size(); i++) {
            long hi = prefixes.hi(i);
            long lo = prefixes.lo(i);
            int length = prefixes.length(i);
            PathAttributes accepted = eligible == null ? null
                    : from.importPolicy == null ? eligible
                    : from.importPolicy.apply(f, hi, lo, length, eligible, from.importContext, interner);
            if (from.stale[f.ordinal()] != null) {
                from.stale[f.ordinal()].remove(hi, lo, length);
            }
            int slot = in.insert(hi, lo, length);
            PathAttributes before = (PathAttributes) in.get(slot, RibPeer.ACCEPTED);
            in.set(slot, RibPeer.RECEIVED, received);
            in.set(slot, RibPeer.ACCEPTED, accepted);
            from.accepted[f.ordinal()] += (accepted != null ? 1 : 0) - (before != null ? 1 : 0);
            if (before != accepted) {
                decide(f, hi, lo, length, from, accepted);
            }
        }
    }

    /**
     * Loop and policy checks that do not depend on the prefix: our AS in the path (eBGP), our router id as
     * ORIGINATOR_ID or our cluster id in CLUSTER_LIST (RFC 4456 §8), and RFC 8212 for eBGP without import
     * policy. Null when the routes must not be used.
     */
    private PathAttributes eligible(RibPeer from, PathAttributes a) {
        if (from.ebgp && AsPath.contains(a.asPath(), ownAs)) {
            return null;
        }
        if (a.originatorId() == routerId) {
            return null;
        }
        for (int c : a.clusterList()) {
            if ((c & 0xFFFF_FFFFL) == clusterId) {
                return null;
            }
        }
        if (from.ebgp && from.importPolicy == null) {
            if (!from.loggedNoImport) {
                from.loggedNoImport = true;
                LOG.warn("bgp: neighbor {} is eBGP without an import policy: nothing is accepted (RFC 8212)", from.address);
            }
            return null;
        }
        return a;
    }

    private void withdraw(RibPeer from, Family f, long hi, long lo, int length) {
        PrefixMap in = from.adjIn[f.ordinal()];
        int slot = in.find(hi, lo, length);
        if (slot < 0) {
            return;
        }
        boolean wasAccepted = in.get(slot, RibPeer.ACCEPTED) != null;
        in.remove(hi, lo, length);
        if (wasAccepted) {
            from.accepted[f.ordinal()]--;
            decide(f, hi, lo, length);
        }
    }

    /** The peer's BoRR (RFC 7313 §4): every route it has now is stale until it is sent again. */
    public void beginRefresh(RibPeer peer, Family f) {
        PrefixMap in = peer.adjIn[f.ordinal()];
        PrefixMap stale = new PrefixMap(f, 0);
        for (int s = 0; s < in.capacity(); s++) {
            if (in.occupied(s)) {
                stale.insert(in.hi(s), in.lo(s), in.length(s));
            }
        }
        peer.stale[f.ordinal()] = stale;
    }

    /** The peer's EoRR: what it did not send again since its BoRR is withdrawn. */
    public void endRefresh(RibPeer peer, Family f) {
        PrefixMap stale = peer.stale[f.ordinal()];
        peer.stale[f.ordinal()] = null;
        if (stale == null) {
            return;
        }
        for (int s = 0; s < stale.capacity(); s++) {
            if (stale.occupied(s)) {
                withdraw(peer, f, stale.hi(s), stale.lo(s), stale.length(s));
            }
        }
        flush();
    }

    /** The session went down: its routes are gone, its Adj-RIB-Out is forgotten. */
    public void peerDown(RibPeer peer) {
        peer.established = false;
        for (Family f : Family.values()) {
            PrefixMap in = peer.adjIn[f.ordinal()];
            PrefixBuffer prefixes = new PrefixBuffer(f);
            for (int s = 0; s < in.capacity(); s++) {
                if (in.occupied(s) && in.get(s, RibPeer.ACCEPTED) != null) {
                    prefixes.add(in.hi(s), in.lo(s), in.length(s));
                }
            }
            in.clear();
            peer.accepted[f.ordinal()] = 0;
            for (int i = 0; i < prefixes.size(); i++) {
                decide(f, prefixes.hi(i), prefixes.lo(i), prefixes.length(i));
            }
            peer.adjOut[f.ordinal()].clear();
            peer.lastBest[f.ordinal()] = null;
            peer.stale[f.ordinal()] = null;
        }
        flush();
    }

    /** The session is Established: send it the whole Loc-RIB, then End-of-RIB per family. */
    public void peerUp(RibPeer peer) {
        peer.established = true;
        flush();
        for (Family f : peer.families) {
            exportAll(peer, f);
            peer.output.send(List.of(UpdateEncoder.endOfRib(f)));
        }
    }

    /** ROUTE-REFRESH: send the whole table again (wrapped in BoRR/EoRR when enhanced route refresh was agreed). */
    public void refresh(RibPeer peer, Family f, boolean enhanced) {
        if (!peer.established || !peer.families.contains(f)) {
            return;
        }
        if (enhanced) {
            peer.output.send(List.of(Messages.routeRefresh(f, Messages.REFRESH_BEGIN)));
        }
        peer.adjOut[f.ordinal()].clear();
        exportAll(peer, f);
        peer.output.send(List.of(enhanced ? Messages.routeRefresh(f, Messages.REFRESH_END) : UpdateEncoder.endOfRib(f)));
    }

    private void exportAll(RibPeer peer, Family f) {
        PrefixMap table = loc[f.ordinal()];
        PrefixBuffer all = new PrefixBuffer(f);
        for (int s = 0; s < table.capacity(); s++) {
            if (table.occupied(s)) {
                all.add(table.hi(s), table.lo(s), table.length(s));
            }
        }
        PathAttributes[] bests = new PathAttributes[all.size()];
        RibPeer[] sources = new RibPeer[all.size()];
        for (int i = 0; i < all.size(); i++) {
            int s = table.find(all.hi(i), all.lo(i), all.length(i));
            bests[i] = (PathAttributes) table.get(s, BEST);
            sources[i] = (RibPeer) table.get(s, SOURCE);
        }
        export(peer, f, all, bests, sources);
    }

    // ---- decision ----

    private void decide(Family f, long hi, long lo, int length) {
        decide(f, hi, lo, length, null, null);
    }

    /** {@code known}'s accepted path is {@code knownPath} (just stored): no need to look it up again. */
    private void decide(Family f, long hi, long lo, int length, RibPeer known, PathAttributes knownPath) {
        PathAttributes best = null;
        RibPeer bestPeer = null;
        for (int i = 0, n = peers.size(); i < n; i++) {
            RibPeer p = peers.get(i);
            if (!p.established) {
                continue;
            }
            PathAttributes a;
            if (p == known) {
                a = knownPath;
            } else {
                PrefixMap in = p.adjIn[f.ordinal()];
                if (in.size() == 0) {
                    continue;
                }
                int s = in.find(hi, lo, length);
                if (s < 0) {
                    continue;
                }
                a = (PathAttributes) in.get(s, RibPeer.ACCEPTED);
            }
            if (a != null && Decision.better(a, p, best, bestPeer)) {
                best = a;
                bestPeer = p;
            }
        }
        PrefixMap table = loc[f.ordinal()];
        if (best == null) {
            if (table.remove(hi, lo, length)) {
                changed[f.ordinal()].add(hi, lo, length);
            }
            return;
        }
        int slot = table.insert(hi, lo, length);
        if (table.get(slot, BEST) != best || table.get(slot, SOURCE) != bestPeer) {
            table.set(slot, BEST, best);
            table.set(slot, SOURCE, bestPeer);
            changed[f.ordinal()].add(hi, lo, length);
        }
    }

    // ---- output ----

    /** Sends what changed since the last flush to every established peer and to the kernel. */
    public void flush() {
        for (Family f : Family.values()) {
            PrefixBuffer c = changed[f.ordinal()];
            if (c.isEmpty()) {
                continue;
            }
            resolve(f, c);
            for (int i = 0, n = peers.size(); i < n; i++) {
                RibPeer p = peers.get(i);
                if (!p.local && p.established && p.families.contains(f)) {
                    export(p, f, c, changedBest, changedSource);
                }
            }
            for (int i = 0; i < c.size(); i++) {
                PathAttributes best = changedBest[i];
                if (best == null || best.nextHop().length == 0) {
                    sink.remove(f, c.hi(i), c.lo(i), c.length(i));
                } else {
                    sink.install(f, c.hi(i), c.lo(i), c.length(i), best.nextHop());
                }
            }
            java.util.Arrays.fill(changedBest, 0, c.size(), null);
            java.util.Arrays.fill(changedSource, 0, c.size(), null);
            c.clear();
        }
        sink.flush();
    }

    private PathAttributes[] changedBest = new PathAttributes[1024];
    private RibPeer[] changedSource = new RibPeer[1024];

    /** The current best path and its source of each changed prefix (null: none), looked up once for all peers. */
    private void resolve(Family f, PrefixBuffer c) {
        if (changedBest.length < c.size()) {
            changedBest = new PathAttributes[Integer.highestOneBit(c.size()) * 2];
            changedSource = new RibPeer[changedBest.length];
        }
        PrefixMap table = loc[f.ordinal()];
        for (int i = 0; i < c.size(); i++) {
            int s = table.find(c.hi(i), c.lo(i), c.length(i));
            changedBest[i] = s < 0 ? null : (PathAttributes) table.get(s, BEST);
            changedSource[i] = s < 0 ? null : (RibPeer) table.get(s, SOURCE);
        }
    }

    private void export(RibPeer target, Family f, PrefixBuffer prefixes, PathAttributes[] bests, RibPeer[] sources) {
        PrefixMap out = target.adjOut[f.ordinal()];
        Map<PathAttributes, PrefixBuffer> announce = new LinkedHashMap<>();
        PrefixBuffer withdraw = new PrefixBuffer(f);
        for (int i = 0; i < prefixes.size(); i++) {
            long hi = prefixes.hi(i);
            long lo = prefixes.lo(i);
            int length = prefixes.length(i);
            PathAttributes attrs = bests[i] == null ? null
                    : exportAttributes(target, f, hi, lo, length, bests[i], sources[i]);
            if (attrs == null && out.size() == 0) {
                continue;
            }
            int o = out.find(hi, lo, length);
            PathAttributes sent = o < 0 ? null : (PathAttributes) out.get(o, 0);
            if (attrs == sent) {
                continue;
            }
            if (attrs == null) {
                out.remove(hi, lo, length);
                withdraw.add(hi, lo, length);
            } else {
                out.set(out.insert(hi, lo, length), 0, attrs);
                announce.computeIfAbsent(attrs, k -> new PrefixBuffer(f)).add(hi, lo, length);
            }
        }
        UpdateEncoder encoder = new UpdateEncoder(target.fourOctetAs);
        List<byte[]> messages = new ArrayList<>();
        if (!withdraw.isEmpty()) {
            messages.addAll(encoder.withdraw(f, withdraw, 0, withdraw.size()));
        }
        for (Map.Entry<PathAttributes, PrefixBuffer> e : announce.entrySet()) {
            messages.addAll(encoder.announce(f, e.getKey(), e.getValue(), 0, e.getValue().size()));
        }
        if (!messages.isEmpty()) {
            target.output.send(messages);
        }
    }

    /** What {@code target} gets for this best path, or null if nothing (RFC 4271 §9.1.3, RFC 4456 §6, RFC 8212). */
    private PathAttributes exportAttributes(RibPeer target, Family f, long hi, long lo, int length, PathAttributes best,
                                            RibPeer source) {
        if (source == target || best.hasCommunity(PathAttributes.NO_ADVERTISE)) {
            return null;
        }
        if (target.ebgp && (best.hasCommunity(PathAttributes.NO_EXPORT) || best.hasCommunity(PathAttributes.NO_EXPORT_SUBCONFED))) {
            return null;
        }
        boolean reflecting = !source.local && !source.ebgp && !target.ebgp;
        if (reflecting && !source.routeReflectorClient && !target.routeReflectorClient) {
            return null;
        }
        if (target.ebgp && target.exportPolicy == null) {
            if (!target.loggedNoExport) {
                target.loggedNoExport = true;
                LOG.warn("bgp: neighbor {} is eBGP without an export policy: nothing is sent (RFC 8212)", target.address);
            }
            return null;
        }
        byte[] self = target.selfNextHop(f);
        if (self == null) {
            return null;
        }
        PathAttributes transformed;
        int fi = f.ordinal();
        if (target.lastBest[fi] == best && target.lastSource[fi] == source) {
            transformed = target.lastOut[fi];
        } else {
            transformed = transform(target, best, source, self, reflecting);
            target.lastBest[fi] = best;
            target.lastSource[fi] = source;
            target.lastOut[fi] = transformed;
        }
        if (target.exportPolicy == null) {
            return transformed;
        }
        return target.exportPolicy.apply(f, hi, lo, length, transformed,
                f == Family.IPV4 ? target.exportContext4 : target.exportContext6, interner);
    }

    private PathAttributes transform(RibPeer target, PathAttributes best, RibPeer source, byte[] self, boolean reflecting) {
        PathAttributes.Builder b = best.toBuilder();
        if (target.ebgp) {
            b.asPath(AsPath.prepend(best.asPath(), ownAs, 1)).nextHop(self).localPref(-1).originatorId(-1)
                    .clusterList(new int[0]);
            if (!source.local) {
                b.med(-1);
            }
        } else {
            b.localPref(Decision.localPref(best));
            if (source.local || target.nextHopSelf || best.nextHop().length == 0) {
                b.nextHop(self);
            }
            if (reflecting) {
                b.originatorId(best.originatorId() >= 0 ? best.originatorId() : source.routerId);
                int[] list = new int[best.clusterList().length + 1];
                list[0] = (int) clusterId;
                System.arraycopy(best.clusterList(), 0, list, 1, best.clusterList().length);
                b.clusterList(list);
            }
        }
        return interner.intern(b.build());
    }

    // ---- views for the status API ----

    /**
     * Adds the views of the Loc-RIB from table slot {@code from} on, at most {@code max}; returns the slot to go
     * on from, or -1 at the end. Lets the status API walk a large table in pieces between other work (a table
     * that grows in between may show a route twice or miss one: fine for a status view).
     */
    public int locRibChunk(Family f, int from, int max, List<RouteView> out) {
        PrefixMap table = loc[f.ordinal()];
        int added = 0;
        int s = from;
        for (; s < table.capacity() && added < max; s++) {
            if (table.occupied(s)) {
                out.add(view(f, table.hi(s), table.lo(s), table.length(s)));
                added++;
            }
        }
        return s < table.capacity() ? s : -1;
    }

    /** Every candidate path for one prefix, best first (the Loc-RIB holds the best; the others are in Adj-RIBs-In). */
    public RouteView view(Family f, long hi, long lo, int length) {
        PrefixMap table = loc[f.ordinal()];
        int s = table.find(hi, lo, length);
        RibPeer bestPeer = s < 0 ? null : (RibPeer) table.get(s, SOURCE);
        List<RouteView.Path> paths = new ArrayList<>();
        List<RibPeer> order = new ArrayList<>();
        for (RibPeer p : peers) {
            if (!p.established) {
                continue;
            }
            int i = p.adjIn[f.ordinal()].find(hi, lo, length);
            PathAttributes a = i < 0 ? null : (PathAttributes) p.adjIn[f.ordinal()].get(i, RibPeer.ACCEPTED);
            if (a != null) {
                order.add(p);
                paths.add(new RouteView.Path(p.address, a, p == bestPeer));
            }
        }
        paths.sort((x, y) -> Boolean.compare(y.best(), x.best()));
        return new RouteView(f, Prefixes.format(f, hi, lo, length), hi, lo, length, paths);
    }

    /** Adj-RIB-In of a peer: prefix, received attributes, accepted attributes (null: rejected). */
    public record InEntry(String prefix, PathAttributes received, PathAttributes accepted) {
    }

    /** As {@link #locRibChunk}, for a peer's Adj-RIB-In ({@code in}) or Adj-RIB-Out. */
    public int adjRibChunk(RibPeer peer, boolean in, Family f, int from, int max, List<InEntry> out) {
        PrefixMap table = (in ? peer.adjIn : peer.adjOut)[f.ordinal()];
        int added = 0;
        int s = from;
        for (; s < table.capacity() && added < max; s++) {
            if (table.occupied(s)) {
                String prefix = Prefixes.format(f, table.hi(s), table.lo(s), table.length(s));
                PathAttributes a = (PathAttributes) table.get(s, 0);
                out.add(new InEntry(prefix, a, in ? (PathAttributes) table.get(s, RibPeer.ACCEPTED) : a));
                added++;
            }
        }
        return s < table.capacity() ? s : -1;
    }

}
