package org.flatracoon.scenarios;

import java.util.ArrayList;
import java.util.List;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * Makes an FRR router announce more IPv4 prefixes at run time: /30s of 198.51.100.112/28, each
 * owned by a blackhole route (FRR announces a `network` only when the kernel has a route for it).
 */
final class ExtraPrefixes {

    private static final int MAX = 4;

    private ExtraPrefixes() {
    }

    static void announce(LabNode router, int count) {
        if (!router.spec().kind().equals("frr")) {
            throw new IllegalArgumentException(router.name() + " is of kind " + router.spec().kind()
                    + "; only FRR routers can be told to announce more prefixes at run time");
        }
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("198.51.100.112/28 holds " + MAX + " /30s; asked for " + count);
        }
        List<String> vtysh = new ArrayList<>(List.of("vtysh", "-c", "configure terminal", "-c",
                "router bgp " + localAs(router), "-c", "address-family ipv4 unicast"));
        for (int i = 0; i < count; i++) {
            String prefix = "198.51.100." + (112 + 4 * i) + "/30";
            run(router, "ip", "route", "replace", "blackhole", prefix);
            vtysh.addAll(List.of("-c", "network " + prefix));
        }
        run(router, vtysh.toArray(String[]::new));
    }

    private static String localAs(LabNode router) {
        String config = run(router, "vtysh", "-c", "show running-config");
        return config.lines().filter(line -> line.startsWith("router bgp ")).findFirst()
                .map(line -> line.substring("router bgp ".length()).strip().split("\\s+")[0])
                .orElseThrow(() -> new IllegalStateException(router.name() + " runs no BGP instance"));
    }

    private static String run(LabNode router, String... command) {
        ExecResult result = router.exec(command);
        if (!result.succeeded() || result.stdout().contains("% ")) {
            throw new IllegalStateException(router.name() + ": `" + String.join(" ", command) + "` failed: "
                    + result.output().strip());
        }
        return result.stdout();
    }
}
