package org.flatracoon.netstack.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.flatracoon.netstack.bgp.inject.RouteInjector;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack bgp inject}: opens one session and sends N prefixes as fast as the peer takes them. */
@Command(name = "inject",
        mixinStandardHelpOptions = true,
        description = "Open one BGP session to a peer, send N consecutive IPv4 prefixes (packed UPDATEs) and End-of-RIB,"
                + " print the time it took, then keep the session up for --stay seconds (default: until SIGTERM).")
final class BgpInjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--peer", required = true, paramLabel = "ADDRESS", description = "The peer's address.")
    String peer;

    @Option(names = "--port", defaultValue = "179", paramLabel = "PORT", description = "The peer's port (default 179).")
    int port;

    @Option(names = "--local-address", paramLabel = "ADDRESS", description = "Our address for the session.")
    String localAddress;

    @Option(names = "--local-as", required = true, paramLabel = "ASN", description = "Our AS.")
    long localAs;

    @Option(names = "--peer-as", required = true, paramLabel = "ASN", description = "The peer's AS.")
    long peerAs;

    @Option(names = "--router-id", defaultValue = "198.51.100.250", paramLabel = "ADDRESS",
            description = "Our BGP identifier (default ${DEFAULT-VALUE}).")
    String routerId;

    @Option(names = "--next-hop", required = true, paramLabel = "ADDRESS", description = "NEXT_HOP of every route.")
    String nextHop;

    @Option(names = "--first", defaultValue = "10.0.0.0/24", paramLabel = "PREFIX",
            description = "First prefix; the next ones follow it at the same length (default ${DEFAULT-VALUE}).")
    String first;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many prefixes (1..16777216).")
    int count;

    @Option(names = "--attribute-sets", defaultValue = "1", paramLabel = "K",
            description = "Distinct attribute sets (MED 0..K-1), one per UPDATE in turn (default 1: all share one).")
    int attributeSets;

    @Option(names = "--table-like",
            description = "Table-like mix instead: --attribute-sets distinct AS paths (2-6 hops, own private origin AS)"
                    + " and community lists (0-3), each carried by an equal run of consecutive prefixes.")
    boolean tableLike;

    @Option(names = "--hold-time", defaultValue = "90", paramLabel = "SECONDS", description = "Offered hold time.")
    int holdTime;

    @Option(names = "--stay", paramLabel = "SECONDS",
            description = "Keep the session this long after sending, then Cease (default: until SIGTERM).")
    Integer stay;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String[] why = new String[1];
        Optional<Prefixes.Parsed> firstPrefix = Prefixes.parse(first, why);
        if (firstPrefix.isEmpty() || firstPrefix.get().length() < 8) {
            throw new ParameterException(spec.commandLine(), "--first: " + (firstPrefix.isEmpty() ? why[0]
                    : "an IPv4 prefix of length 8..32"));
        }
        int len = firstPrefix.get().length();
        long room = (1L << len) - (firstPrefix.get().hi() >>> (32 - len));
        if (count < 1 || count > 16_777_216 || count > room) {
            throw new ParameterException(spec.commandLine(), "--count: 1.." + Math.min(16_777_216, room)
                    + " for prefixes of length " + firstPrefix.get().length());
        }
        RouteInjector.Plan plan = new RouteInjector.Plan(new InetSocketAddress(address("--peer", peer), port),
                localAddress == null ? null : address("--local-address", localAddress), localAs, peerAs,
                Prefixes.hiOf(address("--router-id", routerId).getAddress()), address("--next-hop", nextHop).getAddress(),
                firstPrefix.get(), count, attributeSets, holdTime);
        try (RouteInjector injector = RouteInjector.open(plan)) {
            RouteInjector.Result r = tableLike ? injector.sendTableLike() : injector.send();
            out.printf("sent %d prefixes in %d UPDATEs (%d bytes) to %s in %.3f s%n", r.prefixes(), r.updates(), r.bytes(),
                    peer, r.seconds());
            out.flush();
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "inject-stop"));
            if (stay == null) {
                done.await();
            } else {
                done.await(stay, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (injector.peerNotification() != null) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": peer ended the session: "
                        + injector.peerNotification().describe());
                return Netstack.FAILURE;
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Netstack.describe(e));
            return Netstack.FAILURE;
        }
    }

    private InetAddress address(String option, String text) {
        return Prefixes.parseAddress(text).map(b -> {
            try {
                return InetAddress.getByAddress(b);
            } catch (IOException e) {
                return null;
            }
        }).orElseThrow(() -> new ParameterException(spec.commandLine(), option + ": '" + text
                + "' is not a numeric IPv4 or IPv6 address"));
    }
}
