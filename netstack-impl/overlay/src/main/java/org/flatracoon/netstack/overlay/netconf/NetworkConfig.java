package org.flatracoon.netstack.overlay.netconf;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the controller tells one member about its network, signed as a whole (see {@link SignedConfig}):
 * its own addresses (with prefix), the routes, its certificate of membership (hex), and every authorised member.
 */
public record NetworkConfig(String nwid, String name, long revision, long timestamp, int mtu,
                            @JsonProperty("private") boolean privateNetwork, boolean enableBroadcast, String member,
                            List<String> assignedAddresses, List<Route> routes, String com,
                            List<ConfigMember> members) {
}
