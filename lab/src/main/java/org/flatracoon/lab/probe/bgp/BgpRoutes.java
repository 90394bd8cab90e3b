package org.flatracoon.lab.probe.bgp;

import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.ProbeException;
import org.flatracoon.lab.probe.bgp.BgpSessions.Routers;

/**
 * Asks a router for the paths it learned over BGP (IPv4 and IPv6 unicast), with its own tools:
 * {@code birdc show route all} (BIRD), {@code vtysh -c 'show bgp … json'} (FRR), {@code GET /api/rib} (ours).
 */
public final class BgpRoutes {

    private final LabNode router;

    public BgpRoutes(LabNode router) {
        this.router = router;
    }

    /** Every learned path; FRR's table view carries no communities (use {@link #to}). */
    public List<BgpRoute> all() {
        return switch (router.spec().kind()) {
            case "bird" -> BirdRoutes.parse(Routers.run(router, "birdc", "show", "route", "all"));
            case "frr" -> {
                List<BgpRoute> routes = new ArrayList<>(FrrRoutes.parse(
                        Routers.run(router, "vtysh", "-c", "show bgp ipv4 unicast json")));
                routes.addAll(FrrRoutes.parse(Routers.run(router, "vtysh", "-c", "show bgp ipv6 unicast json")));
                yield routes;
            }
            case "bgp" -> NetstackRib.parse(Routers.api(router, "/api/rib"));
            default -> throw new ProbeException(Routers.unsupported(router));
        };
    }

    /** The learned paths to exactly {@code prefix}, with their communities. */
    public List<BgpRoute> to(String prefix) {
        String wanted = Addresses.canonicalPrefix(prefix);
        return switch (router.spec().kind()) {
            case "frr" -> FrrRoute.parse(Routers.run(router, "vtysh", "-c",
                    "show bgp " + (wanted.contains(":") ? "ipv6" : "ipv4") + " unicast " + wanted + " json"));
            default -> all().stream().filter(route -> route.prefix().equals(wanted)).toList();
        };
    }
}
