package org.flatracoon.netstack.bgp.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.flatracoon.netstack.bgp.config.ConfigLoader;
import org.flatracoon.netstack.bgp.server.BgpSpeaker;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The injector against our own speaker on loopback. With {@code -Dbgp.perf=N} it also measures N prefixes (e.g.
 * 1000000): time from the first UPDATE written until all are in the Loc-RIB, and the heap in use afterwards.
 */
class RouteInjectorTest {
    private static final String CONFIG = """
            router-id: 10.0.0.1
            asn: 65001
            listen: [127.0.0.1]
            port: 0
            http: 0
            kernel: false
            policies:
              all: [{accept: true}]
            neighbors:
              - {address: 127.0.0.6, remote-as: 65010, passive: true, import: all, export: all}
            """;

    private static RouteInjector.Plan plan(BgpSpeaker speaker, int count, int sets) throws Exception {
        return new RouteInjector.Plan(new InetSocketAddress(InetAddress.getLoopbackAddress(), speaker.bgpPort()),
                InetAddress.getByName("127.0.0.6"), 65010, 65001, 0x0A00000AL,
                Prefixes.parseAddress("198.51.100.10").orElseThrow(), Prefixes.parse("10.0.0.0/24", new String[1]).orElseThrow(),
                count, sets, 90);
    }

    private static int routes(BgpSpeaker speaker, String path) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + speaker.httpPort() + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("routes").size();
    }

    @Test
    void tenThousandPrefixesReachTheLocRibAndGoWhenTheSessionEnds() throws Exception {
        try (BgpSpeaker speaker = BgpSpeaker.start(ConfigLoader.parse(Path.of("t.yml"), CONFIG))) {
            try (RouteInjector injector = RouteInjector.open(plan(speaker, 10_000, 7))) {
                RouteInjector.Result r = injector.send();
                assertThat(r.updates()).isBetween(10, 20);
                await().atMost(Duration.ofSeconds(20)).until(() -> speaker.inspect(rib -> rib.locRibSize(Family.IPV4)) == 10_000);
                // the API walks tables larger than one chunk
                assertThat(routes(speaker, "/api/rib")).isEqualTo(10_000);
                assertThat(routes(speaker, "/api/rib?limit=3")).isEqualTo(3);
                assertThat(routes(speaker, "/api/rib/in/127.0.0.6?family=ipv4")).isEqualTo(10_000);
                assertThat(routes(speaker, "/api/rib?family=ipv6")).isZero();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> speaker.inspect(rib -> rib.locRibSize(Family.IPV4)) == 0);
        }
    }

    @Test
    void tableLikeMixArrivesWithOneDistinctPathPerRun() throws Exception {
        try (BgpSpeaker speaker = BgpSpeaker.start(ConfigLoader.parse(Path.of("t.yml"), CONFIG))) {
            try (RouteInjector injector = RouteInjector.open(plan(speaker, 1_000, 100))) {
                RouteInjector.Result r = injector.sendTableLike();
                assertThat(r.updates()).isEqualTo(100);
                await().atMost(Duration.ofSeconds(20)).until(() -> speaker.inspect(rib -> rib.locRibSize(Family.IPV4)) == 1_000);
                java.net.http.HttpResponse<String> rib = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + speaker.httpPort() + "/api/rib")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                java.util.Set<String> paths = new java.util.HashSet<>();
                java.util.Set<String> communityLists = new java.util.HashSet<>();
                for (com.fasterxml.jackson.databind.JsonNode route
                        : new com.fasterxml.jackson.databind.ObjectMapper().readTree(rib.body()).path("routes")) {
                    com.fasterxml.jackson.databind.JsonNode best = route.path("paths").get(0);
                    paths.add(best.path("asPath").asText());
                    communityLists.add(best.path("communities").toString());
                    assertThat(best.path("asPath").asText()).startsWith("65010 ").matches("65010( 646\\d\\d){0,4} 42000000\\d\\d");
                }
                assertThat(paths).hasSize(100);
                assertThat(communityLists).hasSizeGreaterThan(10);
            }
        }
    }

    @Test
    void measureManyPrefixes() throws Exception {
        int n = Integer.getInteger("bgp.perf", 0);
        Assumptions.assumeTrue(n > 0, "set -Dbgp.perf=N to measure N prefixes");
        try (BgpSpeaker speaker = BgpSpeaker.start(ConfigLoader.parse(Path.of("t.yml"), CONFIG))) {
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long loopId = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("bgp-loop"))
                    .findFirst().orElseThrow().getId();
            try (RouteInjector injector = RouteInjector.open(plan(speaker, n, Integer.getInteger("bgp.perf.sets", 1)))) {
                boolean tableLike = Boolean.getBoolean("bgp.perf.tableLike");
                long cpuStart = threads.getThreadCpuTime(loopId);
                long start = System.nanoTime();
                if (tableLike) {
                    injector.sendTableLike();
                } else {
                    injector.send();
                }
                double sent = (System.nanoTime() - start) / 1e9;
                while (speaker.inspect(rib -> rib.locRibSize(Family.IPV4)) < n) {
                    Thread.sleep(5);
                }
                double done = (System.nanoTime() - start) / 1e9;
                double cpu = (threads.getThreadCpuTime(loopId) - cpuStart) / 1e9;
                System.gc();
                System.gc();
                long after = rt.totalMemory() - rt.freeMemory();
                System.out.printf("PERF %d prefixes: written in %.2f s, all in the Loc-RIB after %.2f s (event loop CPU"
                        + " %.2f s); heap in use %.1f MB (%.0f bytes/route); JVM total heap %.1f MB%n", n, sent, done, cpu,
                        after / 1e6, (after - before) / (double) n, rt.totalMemory() / 1e6);
            }
        }
    }
}
