package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.flatracoon.netstack.overlay.identity.Address;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;
import org.flatracoon.netstack.overlay.netconf.ConfigMember;
import org.flatracoon.netstack.overlay.netconf.ConfigRequest;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;
import org.flatracoon.netstack.overlay.netconf.ManagedIpv6;
import org.flatracoon.netstack.overlay.netconf.NetworkConfig;
import org.flatracoon.netstack.overlay.netconf.Route;
import org.flatracoon.netstack.overlay.netconf.SignedConfig;
import org.flatracoon.netstack.overlay.wire.Membership;

/**
 * The controller's core: networks and members with ZeroTier's API semantics, IP assignment, and signed configs for
 * authorised members. No sockets; the HTTP and relay shells call it. Every change is persisted before it is
 * answered, so state survives a restart.
 */
public final class Controller {
    /** How far a config request's timestamp may be from our clock. */
    static final long MAX_SKEW_MS = 5 * 60_000;
    private static final ObjectMapper JSON = SignedConfig.JSON;
    private static final int MAX_ASSIGN_SCAN = 65_536;

    private final Identity identity;
    private final ControllerStore store;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, NetworkRecord> networks;
    /** Member address → networks that admit it; rebuilt on every change, read by the relay without locking. */
    private volatile Map<Long, Set<Long>> admitted = Map.of();

    public Controller(Identity identity, java.nio.file.Path stateDir, LongSupplier clock) throws IOException {
        this.identity = identity;
        this.store = new ControllerStore(stateDir);
        this.clock = clock;
        this.networks = store.load();
        rebuildAdmitted();
    }

    public Identity identity() {
        return identity;
    }

    public synchronized ObjectNode status() {
        return JSON.createObjectNode().put("controller", true).put("apiVersion", 3).put("clock", clock.getAsLong())
                .put("address", identity.address().toString());
    }

    public synchronized List<String> networkIds() {
        return List.copyOf(networks.keySet());
    }

    /** {@code POST /controller/network/CTRLADDR______}: a new network with a random unused number. */
    public synchronized ObjectNode createNetwork(JsonNode body) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            NetworkId id = NetworkId.of(identity.address(), random.nextInt(0x100_0000));
            if (!networks.containsKey(id.toString())) {
                return upsertNetwork(id.toString(), body);
            }
        }
        throw new ApiException(503, "no unused network number found");
    }

    public synchronized ObjectNode upsertNetwork(String nwidText, JsonNode body) {
        NetworkId nwid = ownNetwork(nwidText);
        NetworkRecord n = networks.get(nwid.toString());
        boolean created = n == null;
        if (created) {
            n = new NetworkRecord();
            n.id = nwid.toString();
            n.creationTime = clock.getAsLong();
        }
        NetworkRecord updated = NetworkUpdate.apply(n, body == null ? JSON.createObjectNode() : body);
        if (!created) {
            updated.revision++;
        }
        networks.put(updated.id, updated);
        assignAll(updated);
        persist();
        return render(updated);
    }

    public synchronized ObjectNode network(String nwid) {
        return render(find(nwid));
    }

    public synchronized ObjectNode deleteNetwork(String nwid) {
        NetworkRecord n = find(nwid);
        networks.remove(n.id);
        persist();
        return render(n);
    }

    /** {@code {"member": revision, …}}. */
    public synchronized ObjectNode members(String nwid) {
        ObjectNode out = JSON.createObjectNode();
        find(nwid).members.values().forEach(m -> out.put(m.id, m.revision));
        return out;
    }

    public synchronized ObjectNode member(String nwid, String address) {
        NetworkRecord n = find(nwid);
        return render(n, findMember(n, address));
    }

    public synchronized ObjectNode upsertMember(String nwid, String addressText, JsonNode body) {
        NetworkRecord n = find(nwid);
        Address address = parseAddress(addressText);
        MemberRecord m = n.members.get(address.toString());
        if (m == null) {
            m = newMember(address);
            n.members.put(m.id, m);
        }
        MemberUpdate.apply(m, body == null ? JSON.createObjectNode() : body, clock.getAsLong());
        m.revision++;
        n.revision++;
        assignAll(n);
        persist();
        return render(n, m);
    }

    public synchronized ObjectNode deleteMember(String nwid, String address) {
        NetworkRecord n = find(nwid);
        MemberRecord m = findMember(n, address);
        n.members.remove(m.id);
        n.revision++;
        persist();
        return render(n, m);
    }

    /** The answer to a member's config request: 200 with a signed config, 403, 404 or 400. */
    public record ConfigAnswer(int status, SignedConfig config, String message) {
    }

    public synchronized ConfigAnswer requestConfig(String nwidText, ConfigRequest request) {
        NetworkId nwid;
        try {
            nwid = NetworkId.parse(nwidText);
        } catch (IllegalArgumentException e) {
            return new ConfigAnswer(400, null, e.getMessage());
        }
        NetworkRecord n = networks.get(nwid.toString());
        if (n == null) {
            return new ConfigAnswer(404, null, "NOT_FOUND");
        }
        PublicIdentity who;
        List<String> endpoints;
        List<String> routes;
        try {
            who = request.verify(nwid);
            endpoints = validEndpoints(request.endpoints());
            routes = validRoutes(request.advertisedRoutes());
        } catch (IllegalArgumentException e) {
            return new ConfigAnswer(400, null, e.getMessage());
        }
        long now = clock.getAsLong();
        if (Math.abs(now - request.timestamp()) > MAX_SKEW_MS) {
            return new ConfigAnswer(400, null, "request timestamp is " + (request.timestamp() - now)
                    + " ms away from the controller's clock");
        }
        MemberRecord m = n.members.get(who.address().toString());
        boolean changed = false;
        if (m == null) {
            m = newMember(who.address());
            n.members.put(m.id, m);
            changed = true;
        }
        if (m.identity != null && !m.identity.equals(who.toString())) {
            return new ConfigAnswer(403, null, "ACCESS_DENIED");
        }
        if (m.identity == null || !m.endpoints.equals(endpoints) || !m.advertisedRoutes.equals(routes)) {
            m.identity = who.toString();
            m.endpoints = new ArrayList<>(endpoints);
            m.advertisedRoutes = new ArrayList<>(routes);
            changed = true;
        }
        m.lastSeen = now;
        if (changed) {
            m.revision++;
            n.revision++;
        }
        if (!n.admits(m)) {
            if (changed) {
                persist();
            }
            return new ConfigAnswer(403, null, "ACCESS_DENIED");
        }
        changed |= assign(n, m);
        if (changed) {
            persist();
        }
        return new ConfigAnswer(200, SignedConfig.sign(identity, config(n, m, nwid, now)), null);
    }

    /** Networks (ids) that admit this member; for the relay. */
    public Set<Long> networksAdmitting(long member) {
        return admitted.getOrDefault(member, Set.of());
    }

    /** The member's identity if a network admits it. */
    public synchronized Optional<PublicIdentity> admittedIdentity(NetworkId nwid, Address member) {
        NetworkRecord n = networks.get(nwid.toString());
        MemberRecord m = n == null ? null : n.members.get(member.toString());
        if (m == null || m.identity == null || !n.admits(m)) {
            return Optional.empty();
        }
        return Optional.of(PublicIdentity.parse(m.identity));
    }

    public synchronized long revision(NetworkId nwid) {
        NetworkRecord n = networks.get(nwid.toString());
        return n == null ? 0 : n.revision;
    }

    /** Counts of members by authorisation, for the metrics. */
    public synchronized Map<Boolean, Integer> memberCounts() {
        Map<Boolean, Integer> counts = new HashMap<>(Map.of(true, 0, false, 0));
        networks.values().forEach(n -> n.members.values().forEach(m -> counts.merge(n.admits(m), 1, Integer::sum)));
        return counts;
    }

    private NetworkConfig config(NetworkRecord n, MemberRecord self, NetworkId nwid, long now) {
        List<String> assigned = new ArrayList<>(assignedWithPrefix(n, self));
        if (n.rfc4193()) {
            assigned.add(ManagedIpv6.rfc4193(nwid, Address.parse(self.id)));
        }
        if (n.sixPlane()) {
            assigned.add(ManagedIpv6.sixPlane(nwid, Address.parse(self.id)));
        }
        List<Route> routes = new ArrayList<>(n.routes);
        List<ConfigMember> members = new ArrayList<>();
        for (MemberRecord m : n.members.values()) {
            if (!n.admits(m) || m.identity == null) {
                continue;
            }
            members.add(new ConfigMember(m.identity, List.copyOf(m.ipAssignments), List.copyOf(m.endpoints)));
            for (String target : m.advertisedRoutes) {
                via(n, m, nwid, Cidr.parse(target).v6()).ifPresent(via -> routes.add(new Route(target, via)));
            }
        }
        String com = Membership.issue(identity, nwid, Address.parse(self.id), n.revision).toHex();
        return new NetworkConfig(n.id, n.name, n.revision, now, n.mtu, n.privateNetwork, n.enableBroadcast, self.id,
                assigned, routes, com, members);
    }

    /** The member's first overlay address of the family, as the next hop for its advertised routes. */
    private static Optional<String> via(NetworkRecord n, MemberRecord m, NetworkId nwid, boolean v6) {
        for (String ip : m.ipAssignments) {
            if (Ip.isV6(Ip.parse(ip)) == v6) {
                return Optional.of(ip);
            }
        }
        if (v6 && n.rfc4193()) {
            String a = ManagedIpv6.rfc4193(nwid, Address.parse(m.id));
            return Optional.of(a.substring(0, a.indexOf('/')));
        }
        return Optional.empty();
    }

    /** Assigned addresses that lie in a managed route, with that route's prefix length; others are ignored. */
    private static List<String> assignedWithPrefix(NetworkRecord n, MemberRecord m) {
        List<String> out = new ArrayList<>();
        for (String ip : m.ipAssignments) {
            InetAddress a = Ip.parse(ip);
            managedRoutes(n).stream().filter(c -> c.contains(a)).findFirst()
                    .ifPresent(c -> out.add(Ip.format(a) + "/" + c.prefix()));
        }
        return out;
    }

    private static List<Cidr> managedRoutes(NetworkRecord n) {
        return n.routes.stream().filter(r -> r.via() == null).map(r -> Cidr.parse(r.target())).toList();
    }

    private void assignAll(NetworkRecord n) {
        n.members.values().forEach(m -> assign(n, m));
    }

    /** Gives an admitted member a free pool address per family in auto-assign mode, if it has none; true if changed. */
    private boolean assign(NetworkRecord n, MemberRecord m) {
        if (!n.admits(m) || m.noAutoAssignIps) {
            return false;
        }
        boolean changed = false;
        for (boolean v6 : new boolean[] {false, true}) {
            if (!(v6 ? n.v6Auto() : n.v4Auto())) {
                continue;
            }
            List<Cidr> managed = managedRoutes(n).stream().filter(c -> c.v6() == v6).toList();
            boolean has = m.ipAssignments.stream().map(Ip::parse)
                    .anyMatch(a -> Ip.isV6(a) == v6 && managed.stream().anyMatch(c -> c.contains(a)));
            if (has) {
                continue;
            }
            Optional<String> free = freeAddress(n, managed, v6);
            if (free.isPresent()) {
                m.ipAssignments.add(free.get());
                m.revision++;
                n.revision++;
                changed = true;
            }
        }
        return changed;
    }

    private static Optional<String> freeAddress(NetworkRecord n, List<Cidr> managed, boolean v6) {
        Set<InetAddress> taken = new HashSet<>();
        n.members.values().forEach(m -> m.ipAssignments.forEach(ip -> taken.add(Ip.parse(ip))));
        for (Pool p : n.ipAssignmentPools) {
            InetAddress start = Ip.parse(p.ipRangeStart());
            if (Ip.isV6(start) != v6) {
                continue;
            }
            BigInteger end = Ip.toNumber(Ip.parse(p.ipRangeEnd()));
            BigInteger i = Ip.toNumber(start);
            for (int scanned = 0; i.compareTo(end) <= 0 && scanned < MAX_ASSIGN_SCAN; i = i.add(BigInteger.ONE),
                    scanned++) {
                InetAddress a = Ip.fromNumber(i, v6);
                if (!taken.contains(a) && managed.stream().anyMatch(c -> c.contains(a))) {
                    return Optional.of(Ip.format(a));
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> validEndpoints(List<String> endpoints) {
        List<String> out = new ArrayList<>();
        for (String e : endpoints == null ? List.<String>of() : endpoints) {
            int slash = e == null ? -1 : e.lastIndexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("endpoint '" + e + "' is not IP/PORT");
            }
            InetAddress a = Ip.parse(e.substring(0, slash));
            int port;
            try {
                port = Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException x) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("endpoint '" + e + "': port must be 1..65535");
            }
            out.add(Ip.format(a) + "/" + port);
        }
        if (out.size() > 16) {
            throw new IllegalArgumentException("at most 16 endpoints");
        }
        return out;
    }

    private static List<String> validRoutes(List<String> routes) {
        List<String> out = new ArrayList<>();
        for (String r : routes == null ? List.<String>of() : routes) {
            out.add(Cidr.parse(r).toString());
        }
        if (out.size() > 16) {
            throw new IllegalArgumentException("at most 16 advertised routes");
        }
        return out;
    }

    private MemberRecord newMember(Address address) {
        MemberRecord m = new MemberRecord();
        m.id = address.toString();
        m.creationTime = clock.getAsLong();
        m.revision = 0;
        return m;
    }

    private NetworkId ownNetwork(String text) {
        NetworkId nwid;
        try {
            nwid = NetworkId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        if (!nwid.controller().equals(identity.address())) {
            throw new ApiException(400, "network " + nwid + " belongs to controller " + nwid.controller()
                    + ", this is " + identity.address());
        }
        return nwid;
    }

    private NetworkRecord find(String nwid) {
        NetworkRecord n = networks.get(nwid == null ? "" : nwid.toLowerCase(java.util.Locale.ROOT));
        if (n == null) {
            throw new ApiException(404, "no network " + nwid);
        }
        return n;
    }

    private static MemberRecord findMember(NetworkRecord n, String address) {
        MemberRecord m = n.members.get(parseAddress(address).toString());
        if (m == null) {
            throw new ApiException(404, "no member " + address + " in network " + n.id);
        }
        return m;
    }

    private static Address parseAddress(String text) {
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private void persist() {
        try {
            store.save(networks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save controller state: " + e.getMessage(), e);
        }
        rebuildAdmitted();
    }

    private void rebuildAdmitted() {
        Map<Long, Set<Long>> map = new HashMap<>();
        networks.values().forEach(n -> n.members.values().stream().filter(n::admits).forEach(m ->
                map.computeIfAbsent(Address.parse(m.id).value(), k -> new HashSet<>())
                        .add(NetworkId.parse(n.id).value())));
        admitted = map;
    }

    private static ObjectNode render(NetworkRecord n) {
        ObjectNode o = JSON.valueToTree(n);
        o.remove("members");
        o.put("nwid", n.id);
        o.put("objtype", "network");
        return o;
    }

    private static ObjectNode render(NetworkRecord n, MemberRecord m) {
        ObjectNode o = JSON.valueToTree(m);
        o.put("address", m.id);
        o.put("nwid", n.id);
        o.put("objtype", "member");
        o.put("authorized", n.admits(m));
        if (m.endpoints.isEmpty()) {
            o.putNull("physicalAddress");
        } else {
            o.put("physicalAddress", m.endpoints.get(0));
        }
        return o;
    }
}
