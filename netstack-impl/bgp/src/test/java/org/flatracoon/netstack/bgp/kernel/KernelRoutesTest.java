package org.flatracoon.netstack.bgp.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real kernel routes, in a throw-away network namespace ({@code unshare -n}, needs root) with a veth whose end has
 * 198.51.100.1/24 and 2001:db8::1/64. Skipped where namespaces cannot be made.
 */
class KernelRoutesTest {
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private Process namespace;
    private List<String> nsenter;

    @BeforeEach
    void namespace() throws Exception {
        try {
            namespace = new ProcessBuilder("unshare", "-n", "sh", "-c", "ip link set lo up && ip link add v0 type veth peer"
                    + " name v1 && ip link set v0 up && ip link set v1 up && ip addr add 198.51.100.1/24 dev v0 && ip -6 addr"
                    + " add 2001:db8::1/64 dev v0 nodad && exec sleep 300").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no unshare: " + e.getMessage());
        }
        nsenter = List.of("nsenter", "--net=/proc/" + namespace.pid() + "/ns/net");
        boolean ready = false;
        for (int i = 0; i < 100 && namespace.isAlive() && !ready; i++) {
            ready = ip("-6", "addr", "show", "dev", "v0").contains("2001:db8::1/64");
            if (!ready) {
                Thread.sleep(50);
            }
        }
        Assumptions.assumeTrue(ready, "cannot set up a network namespace here (root and veth needed)");
    }

    @AfterEach
    void removeNamespace() {
        if (namespace != null) {
            namespace.destroy();
        }
    }

    private String ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(nsenter);
        command.add("ip");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    private static Prefixes.Parsed prefix(String text) {
        return Prefixes.parse(text, new String[1]).orElseThrow();
    }

    private static void install(KernelRoutes k, String prefix, String hop) {
        Prefixes.Parsed p = prefix(prefix);
        k.install(p.family(), p.hi(), p.lo(), p.length(), Prefixes.parseAddress(hop).orElseThrow());
    }

    @Test
    void bestRoutesAreInstalledWithProtoBgpAndRemovedAgain() throws Exception {
        KernelRoutes k = new KernelRoutes(nsenter);
        assertThat(k.start()).isTrue();
        try {
            install(k, "203.0.113.0/24", "198.51.100.2");
            install(k, "2001:db8:5::/48", "2001:db8::2");
            k.flush();
            await().atMost(BUDGET).until(() -> ip("route", "show", "proto", "186").contains("203.0.113.0/24 via 198.51.100.2"));
            await().atMost(BUDGET).until(() -> ip("-6", "route", "show", "proto", "186").contains("2001:db8:5::/48 via 2001:db8::2"));
            install(k, "203.0.113.0/24", "198.51.100.3");
            k.flush();
            await().atMost(BUDGET).until(() -> ip("route", "show", "proto", "186").contains("203.0.113.0/24 via 198.51.100.3"));
            Prefixes.Parsed p = prefix("203.0.113.0/24");
            k.remove(Family.IPV4, p.hi(), p.lo(), p.length());
            k.flush();
            await().atMost(BUDGET).until(() -> !ip("route", "show", "proto", "186").contains("203.0.113.0/24"));
        } finally {
            k.close();
        }
        assertThat(ip("-6", "route", "show", "proto", "186")).as("close removes what is left").doesNotContain("2001:db8:5::");
    }

    @Test
    void aNextHopThatIsNotOnALinkIsReportedAsNotInstalled() throws Exception {
        try (KernelRoutes k = new KernelRoutes(nsenter)) {
            assertThat(k.start()).isTrue();
            install(k, "203.0.113.0/25", "203.0.113.200");
            install(k, "203.0.113.128/25", "198.51.100.2");
            k.flush();
            await().atMost(BUDGET).until(() -> !k.installed("203.0.113.0/25"));
            assertThat(k.installed("203.0.113.128/25")).isTrue();
            assertThat(k.unresolvedCount(Family.IPV4)).isEqualTo(1);
        }
    }

    @Test
    void withoutPermissionKernelRoutesTurnOffInsteadOfMarkingEveryRouteRefused() throws Exception {
        List<String> unprivileged = new ArrayList<>(nsenter);
        unprivileged.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        try (KernelRoutes k = new KernelRoutes(unprivileged)) {
            assertThat(k.start()).isTrue();
            install(k, "203.0.113.0/24", "198.51.100.2");
            k.flush();
            await().atMost(BUDGET).until(() -> !k.working());
            assertThat(k.refused("203.0.113.0/24")).isFalse();
            assertThat(k.installed("203.0.113.0/24")).isFalse();
        }
    }

    @Test
    void routesLeftByAnEarlierRunAreFlushedAtStart() throws Exception {
        ip("route", "add", "198.51.100.128/25", "via", "198.51.100.2", "proto", "186");
        try (KernelRoutes k = new KernelRoutes(nsenter)) {
            k.start();
            assertThat(ip("route", "show", "proto", "186")).doesNotContain("198.51.100.128/25");
        }
    }
}
