package org.flatracoon.netstack.overlay.agent;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.netstack.overlay.crypto.PairKeys;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;
import org.flatracoon.netstack.overlay.netconf.ConfigMember;
import org.flatracoon.netstack.overlay.netconf.Ip;
import org.flatracoon.netstack.overlay.netconf.Ip.Cidr;
import org.flatracoon.netstack.overlay.netconf.NetworkConfig;
import org.flatracoon.netstack.overlay.netconf.Route;
import org.flatracoon.netstack.overlay.wire.Membership;

/**
 * The network as one valid config describes it, ready for the data path: peers in an array (scanned without
 * allocating), our certificate of membership, and the controller's identity. Immutable; replaced as a whole.
 */
final class NetworkView {
    final NetworkConfig config;
    final PublicIdentity controller;
    final Membership membership;
    final Peer[] peers;

    private NetworkView(NetworkConfig config, PublicIdentity controller, Membership membership, Peer[] peers) {
        this.config = config;
        this.controller = controller;
        this.membership = membership;
        this.peers = peers;
    }

    /** The view of a new config; peers whose identity is unchanged keep their sessions and paths. */
    static NetworkView of(NetworkConfig config, PublicIdentity controller, Identity self, NetworkId nwid, long epoch,
                          NetworkView previous) {
        Membership com = Membership.fromHex(config.com())
                .orElseThrow(() -> new IllegalArgumentException("config without a certificate of membership"));
        Map<Long, Peer> old = new HashMap<>();
        if (previous != null) {
            for (Peer p : previous.peers) {
                old.put(p.address, p);
            }
        }
        List<Cidr> overlay = overlayPrefixes(config);
        List<Peer> peers = new ArrayList<>();
        for (ConfigMember m : config.members()) {
            PublicIdentity id;
            try {
                id = PublicIdentity.parse(m.identity());
            } catch (IllegalArgumentException e) {
                continue; // a signed config never holds one; skip rather than lose the network
            }
            if (id.address().equals(self.address())) {
                continue;
            }
            List<InetSocketAddress> endpoints = endpoints(m.endpoints(), overlay);
            Peer known = old.get(id.address().value());
            if (known != null && known.identity.equals(id)) {
                known.endpoints = endpoints;
                peers.add(known);
            } else {
                peers.add(new Peer(id, MacAddress.of(id.address(), nwid), new PairKeys(self, id, nwid), epoch,
                        endpoints));
            }
        }
        return new NetworkView(config, controller, com, peers.toArray(Peer[]::new));
    }

    Peer find(long address) {
        for (Peer p : peers) {
            if (p.address == address) {
                return p;
            }
        }
        return null;
    }

    Peer findByMac(long mac) {
        for (Peer p : peers) {
            if (p.mac == mac) {
                return p;
            }
        }
        return null;
    }

    /** Endpoints inside the overlay's own prefixes would tunnel the overlay through itself; they are left out. */
    private static List<InetSocketAddress> endpoints(List<String> texts, List<Cidr> overlay) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String t : texts == null ? List.<String>of() : texts) {
            int slash = t.lastIndexOf('/');
            try {
                InetAddress a = Ip.parse(t.substring(0, slash));
                if (overlay.stream().noneMatch(c -> c.contains(a))) {
                    out.add(new InetSocketAddress(a, Integer.parseInt(t.substring(slash + 1))));
                }
            } catch (RuntimeException e) {
                // the controller validates endpoints; ignore anything else
            }
        }
        return out;
    }

    private static List<Cidr> overlayPrefixes(NetworkConfig config) {
        List<Cidr> out = new ArrayList<>();
        for (Route r : config.routes()) {
            out.add(Cidr.parse(r.target()));
        }
        for (String a : config.assignedAddresses()) {
            out.add(Cidr.parse(a));
        }
        return out;
    }
}
