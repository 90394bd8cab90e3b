package org.flatracoon.lab.probe.bgp;

import java.time.Clock;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.kind.BgpKind;
import org.flatracoon.lab.probe.ProbeException;

/** Asks a router for its BGP sessions with its own tools: {@code birdc} (BIRD), {@code vtysh} (FRR), the status API (ours). */
public final class BgpSessions {

    private final LabNode router;
    private final Clock clock;

    public BgpSessions(LabNode router) {
        this(router, Clock.systemUTC());
    }

    BgpSessions(LabNode router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    public List<BgpSession> all() {
        return switch (router.spec().kind()) {
            case "bird" -> BirdProtocols.parse(Routers.run(router, "birdc", "show", "protocols", "all"), clock);
            case "frr" -> FrrNeighbors.parse(Routers.run(router, "vtysh", "-c", "show bgp neighbors json"));
            case "bgp" -> NetstackNeighbors.parse(Routers.api(router, "/api/neighbors"));
            default -> throw new ProbeException(Routers.unsupported(router));
        };
    }

    /** The session with {@code peer} (an address as written in the topology), or a clear error listing the others. */
    public BgpSession with(String peer) {
        String wanted = Addresses.canonical(peer);
        List<BgpSession> sessions = all();
        return sessions.stream().filter(session -> session.peer().equals(wanted)).findFirst()
                .orElseThrow(() -> new ProbeException(router.name() + " has no BGP session with " + wanted
                        + "; its sessions: " + sessions));
    }

    /** Runs the router's control client; a failure says which node and command. */
    static final class Routers {
        private Routers() {
        }

        static String run(LabNode router, String... command) {
            ExecResult result = router.exec(command);
            if (!result.succeeded()) {
                throw new ProbeException(router.name() + ": `" + String.join(" ", command) + "` failed with exit code "
                        + result.exitCode() + ": " + result.output().strip());
            }
            return result.stdout();
        }

        /** Our speaker's status API, from inside its node (the bgp kind's HTTP port). */
        static String api(LabNode router, String path) {
            return run(router, "curl", "-fsS", "--max-time", "5", "http://127.0.0.1:" + BgpKind.HTTP_PORT + path);
        }

        static String unsupported(LabNode router) {
            return "node " + router.name() + " is of kind " + router.spec().kind()
                    + "; BGP probes know the kinds bird, frr and bgp";
        }
    }
}
