package org.flatracoon.netstack.bgp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.flatracoon.netstack.bgp.rib.Rib;
import org.flatracoon.netstack.bgp.rib.RouteView;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.Prefixes;

/** The JSON shapes of the status API (documented in the README). */
final class StatusJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    static ObjectNode neighbor(Session.Status s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("address", s.address());
        n.put("remoteAs", s.remoteAs());
        n.put("description", s.description());
        n.put("type", s.type());
        n.put("state", s.state());
        n.put("uptimeSeconds", s.uptimeSeconds());
        n.put("peerRouterId", s.peerRouterId());
        n.put("holdTime", s.holdTime());
        n.put("keepalive", s.keepalive());
        ObjectNode caps = n.putObject("capabilities");
        s.localCapabilities().forEach(caps.putArray("local")::add);
        s.peerCapabilities().forEach(caps.putArray("peer")::add);
        s.negotiated().forEach(caps.putArray("negotiated")::add);
        ObjectNode p = n.putObject("prefixes");
        p.put("received", s.received());
        p.put("accepted", s.accepted());
        p.put("advertised", s.advertised());
        ObjectNode fams = n.putObject("families");
        for (Family f : Family.values()) {
            ObjectNode fam = fams.putObject(f.label());
            fam.put("received", s.receivedPerFamily()[f.ordinal()]);
            fam.put("accepted", s.acceptedPerFamily()[f.ordinal()]);
            fam.put("advertised", s.advertisedPerFamily()[f.ordinal()]);
        }
        ObjectNode policy = n.putObject("policy");
        policy.put("import", s.importPolicy());
        policy.put("export", s.exportPolicy());
        n.put("lastError", s.lastError());
        n.put("establishedTransitions", s.establishedTransitions());
        return n;
    }

    static void attributes(ObjectNode n, PathAttributes a) {
        n.put("nextHop", a.nextHopText());
        if (a.linkLocalNextHopText() != null) {
            n.put("linkLocalNextHop", a.linkLocalNextHopText());
        }
        n.put("origin", a.originName());
        n.put("asPath", AsPath.format(a.asPath()));
        n.put("asPathLength", AsPath.length(a.asPath()));
        if (a.localPref() >= 0) {
            n.put("localPref", a.localPref());
        } else {
            n.putNull("localPref");
        }
        if (a.med() >= 0) {
            n.put("med", a.med());
        } else {
            n.putNull("med");
        }
        a.communityTexts().forEach(n.putArray("communities")::add);
        a.largeCommunityTexts().forEach(n.putArray("largeCommunities")::add);
        n.put("originatorId", a.originatorId() >= 0 ? Prefixes.addressOf(Session.ipv4(a.originatorId())) : null);
        ArrayNode cl = n.putArray("clusterList");
        for (int c : a.clusterList()) {
            cl.add(Prefixes.addressOf(Session.ipv4(c & 0xFFFF_FFFFL)));
        }
        n.put("atomicAggregate", a.atomicAggregate());
    }

    static ObjectNode route(RouteView v, boolean installed, boolean unresolved) {
        ObjectNode r = JSON.createObjectNode();
        r.put("prefix", v.prefix());
        r.put("family", v.family().label());
        r.put("installed", installed);
        if (unresolved) {
            r.put("unresolved", true);
        }
        ArrayNode paths = r.putArray("paths");
        for (RouteView.Path p : v.paths()) {
            ObjectNode path = paths.addObject();
            path.put("best", p.best());
            path.put("from", p.from());
            attributes(path, p.attributes());
        }
        return r;
    }

    static ObjectNode inRoute(Family f, Rib.InEntry e, boolean withAccepted) {
        ObjectNode r = JSON.createObjectNode();
        r.put("prefix", e.prefix());
        r.put("family", f.label());
        if (withAccepted) {
            r.put("accepted", e.accepted() != null);
        }
        attributes(r, e.received());
        return r;
    }
}
