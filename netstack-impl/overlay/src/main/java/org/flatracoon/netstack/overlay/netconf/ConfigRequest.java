package org.flatracoon.netstack.overlay.netconf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flatracoon.netstack.overlay.identity.Hex;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.identity.PublicIdentity;

/**
 * A member's request for its network config ({@code POST /netconf/NWID}), signed with its identity so that only
 * the member itself can register its endpoints and advertised routes.
 */
public record ConfigRequest(String identity, long timestamp, List<String> endpoints, List<String> advertisedRoutes,
                            String signature) {

    public static ConfigRequest sign(Identity member, NetworkId network, long timestamp, List<String> endpoints,
                                     List<String> advertisedRoutes) {
        String id = member.publicIdentity().toString();
        return new ConfigRequest(id, timestamp, List.copyOf(endpoints), List.copyOf(advertisedRoutes),
                Hex.of(member.sign(signed(network, id, timestamp, endpoints, advertisedRoutes))));
    }

    /**
     * The member's identity if the request is well formed and its signature verifies.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public PublicIdentity verify(NetworkId network) {
        if (identity == null || signature == null) {
            throw new IllegalArgumentException("a config request needs identity and signature");
        }
        PublicIdentity member = PublicIdentity.parse(identity);
        List<String> eps = endpoints == null ? List.of() : endpoints;
        List<String> routes = advertisedRoutes == null ? List.of() : advertisedRoutes;
        byte[] sig;
        try {
            sig = Hex.parse(signature);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature is not hex");
        }
        if (!member.verify(signed(network, identity, timestamp, eps, routes), sig)) {
            throw new IllegalArgumentException("config request signature does not verify");
        }
        return member;
    }

    private static byte[] signed(NetworkId network, String identity, long timestamp, List<String> endpoints,
                                 List<String> routes) {
        return ("flatracoon-overlay-v1 netconf-request\n" + network + "\n" + identity + "\n" + timestamp + "\n"
                + String.join(",", endpoints) + "\n" + String.join(",", routes)).getBytes(StandardCharsets.UTF_8);
    }
}
