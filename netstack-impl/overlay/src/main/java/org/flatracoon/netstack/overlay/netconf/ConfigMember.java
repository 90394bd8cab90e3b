package org.flatracoon.netstack.overlay.netconf;

import java.util.List;

/** A peer as the config lists it: its public identity, its overlay addresses and its underlay endpoints (ip/port). */
public record ConfigMember(String identity, List<String> ipAssignments, List<String> endpoints) {
}
