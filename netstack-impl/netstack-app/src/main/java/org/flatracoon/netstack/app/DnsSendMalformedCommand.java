package org.flatracoon.netstack.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.flatracoon.netstack.hesiod.wire.MalformedQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netstack dns send-malformed}: fires the hostile-packet corpus at a DNS server over UDP. */
@Command(name = "send-malformed",
        mixinStandardHelpOptions = true,
        description = "Send malformed DNS packets over UDP (deterministic for a given seed), at most "
                + DnsSendMalformedCommand.PACKETS_PER_SECOND + " per second. Replies are not awaited.")
final class DnsSendMalformedCommand implements Callable<Integer> {
    static final int MAX_COUNT = 100_000;
    /** Fast enough for 2000 packets in 2 s, slow enough not to overrun a server's socket buffer. */
    static final int PACKETS_PER_SECOND = 1_000;
    private static final int BURST = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "ADDRESS", required = true, description = "DNS server address or name.")
    String server;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "53", description = "DNS port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--count", paramLabel = "N", required = true, description = "Number of packets, 1 to " + MAX_COUNT + ".")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the packet stream (default: random, printed).")
    Long seed;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || count > MAX_COUNT) {
            throw new ParameterException(spec.commandLine(), "--count must be between 1 and " + MAX_COUNT + ", not " + count);
        }
        if (port < 1 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, not " + port);
        }
        long usedSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        InetSocketAddress target = new InetSocketAddress(resolve(server), port);
        MalformedQueries corpus = new MalformedQueries(usedSeed);
        long nanosPerBurst = 1_000_000_000L * BURST / PACKETS_PER_SECOND;
        try (DatagramChannel channel = DatagramChannel.open()) {
            long next = System.nanoTime();
            for (int sent = 0; sent < count; sent++) {
                if (sent > 0 && sent % BURST == 0) {
                    next += nanosPerBurst;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                channel.send(ByteBuffer.wrap(corpus.next().bytes()), target);
            }
        }
        String host = server.contains(":") ? "[" + server + "]" : server;
        spec.commandLine().getOut().println("sent " + count + " malformed packets to " + host + ":" + port
                + " (seed " + usedSeed + ")");
        return 0;
    }

    private InetAddress resolve(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "unknown host '" + address + "'");
        }
    }
}
