package org.flatracoon.netstack.app.generate;

import java.util.List;
import org.xbill.DNS.Name;

/** The apex data of a generated zone: origin, SOA serial and names, default TTL, name servers. */
public record ZoneParameters(Name origin, long serial, long ttl, List<Name> nameServers, Name hostmaster) {
    public static final long REFRESH = 3600;
    public static final long RETRY = 900;
    public static final long EXPIRE = 604_800;

    public ZoneParameters {
        nameServers = List.copyOf(nameServers);
        if (!origin.isAbsolute() || !hostmaster.isAbsolute() || nameServers.stream().anyMatch(n -> !n.isAbsolute())) {
            throw new IllegalArgumentException("zone names must be absolute");
        }
        if (nameServers.isEmpty()) {
            throw new IllegalArgumentException("a zone needs at least one name server");
        }
    }
}
