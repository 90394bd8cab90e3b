package org.flatracoon.netstack.bgp.kernel;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flatracoon.netstack.bgp.rib.RouteSink;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.Prefixes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs best routes into the kernel's main table through one long-lived {@code ip -force -batch -} process,
 * as {@code proto 186} ("bgp" in iproute2's rt_protos) so they are easy to tell apart and to flush. Changes are
 * queued as numbers (no strings per route on the event loop) and written by a separate thread; {@code ip}'s
 * "Command failed -:LINE" messages are matched back to the prefix, which is then shown as not installed
 * (typically a next hop that is not on a connected network).
 */
public final class KernelRoutes implements RouteSink, AutoCloseable {
    public static final int PROTO = 186;
    private static final Logger LOG = LoggerFactory.getLogger("bgp");
    private static final Pattern FAILED = Pattern.compile("Command failed -:(\\d+)");
    private static final int RING = 1 << 16;

    private final Object lock = new Object();
    private final Set<String> unresolved = ConcurrentHashMap.newKeySet();
    private final String[] recentLines = new String[RING];
    private final List<String> wrapper;
    private Process process;
    private BufferedWriter stdin;
    private Thread writer;
    private Thread errors;
    private volatile boolean available;
    private volatile boolean closed;

    // pending changes, swapped out by the writer thread
    private Batch pending = new Batch();

    /**
     * Pending changes in fixed blocks (no copying as it grows, about 14 bytes per IPv4 change): a full table can be
     * queued while {@code ip} catches up.
     */
    private static final class Batch {
        private static final int BLOCK = 1 << 14;
        private final java.util.ArrayList<Block> blocks = new java.util.ArrayList<>();
        int size;

        private static final class Block {
            final long[] key = new long[BLOCK];      // IPv4: address << 8 | length; IPv6: upper 64 bits
            final byte[] meta = new byte[BLOCK];     // IPv6: length + 1, IPv4: 0
            final Object[] nextHop = new Object[BLOCK];
            long[] lo;                               // IPv6 lower 64 bits, allocated on first use
        }

        void add(Family f, long h, long l, int len, byte[] hop) {
            int b = size / BLOCK;
            int i = size % BLOCK;
            if (b == blocks.size()) {
                blocks.add(new Block());
            }
            Block block = blocks.get(b);
            if (f == Family.IPV4) {
                block.key[i] = h << 8 | len;
                block.meta[i] = 0;
            } else {
                if (block.lo == null) {
                    block.lo = new long[BLOCK];
                }
                block.key[i] = h;
                block.lo[i] = l;
                block.meta[i] = (byte) (len + 1);
            }
            block.nextHop[i] = hop;
            size++;
        }

        Family family(int n) {
            return blocks.get(n / BLOCK).meta[n % BLOCK] == 0 ? Family.IPV4 : Family.IPV6;
        }

        long hi(int n) {
            Block b = blocks.get(n / BLOCK);
            int i = n % BLOCK;
            return b.meta[i] == 0 ? b.key[i] >>> 8 : b.key[i];
        }

        long lo(int n) {
            Block b = blocks.get(n / BLOCK);
            int i = n % BLOCK;
            return b.meta[i] == 0 ? 0 : b.lo[i];
        }

        int length(int n) {
            Block b = blocks.get(n / BLOCK);
            int i = n % BLOCK;
            return b.meta[i] == 0 ? (int) (b.key[i] & 0xFF) : (b.meta[i] & 0xFF) - 1;
        }

        byte[] nextHop(int n) {
            return (byte[]) blocks.get(n / BLOCK).nextHop[n % BLOCK];
        }
    }

    public KernelRoutes() {
        this(List.of());
    }

    /** Runs {@code ip} through a wrapper command, e.g. {@code nsenter --net=…} (tests use a network namespace). */
    public KernelRoutes(List<String> wrapper) {
        this.wrapper = List.copyOf(wrapper);
    }

    private List<String> ip(String... args) {
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.add("ip");
        command.addAll(List.of(args));
        return command;
    }

    /** Removes what an earlier run left behind, then starts the {@code ip} process; false if it cannot run. */
    public boolean start() {
        flushProto();
        try {
            process = new ProcessBuilder(ip("-force", "-batch", "-")).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("bgp: kernel routes disabled: cannot run ip: {}", e.getMessage());
            return false;
        }
        stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII), 1 << 16);
        available = true;
        writer = new Thread(this::writeLoop, "bgp-kernel");
        writer.setDaemon(true);
        writer.start();
        errors = new Thread(this::errorLoop, "bgp-kernel-errors");
        errors.setDaemon(true);
        errors.start();
        return true;
    }

    @Override
    public void install(Family family, long hi, long lo, int length, byte[] nextHop) {
        if (!available) {
            return;
        }
        synchronized (lock) {
            pending.add(family, hi, lo, length, nextHop);
        }
    }

    @Override
    public void remove(Family family, long hi, long lo, int length) {
        if (!available) {
            return;
        }
        synchronized (lock) {
            pending.add(family, hi, lo, length, null);
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            if (pending.size > 0) {
                lock.notifyAll();
            }
        }
    }

    /** Whether the prefix is in the kernel as far as we know (false when the kernel refused it). */
    public boolean installed(String prefix) {
        return available && !unresolved.contains(prefix);
    }

    /** False when kernel routes could not be started or are not permitted. */
    public boolean working() {
        return available;
    }

    /** Whether the kernel refused this prefix (typically: its next hop is not on a connected network). */
    public boolean refused(String prefix) {
        return available && unresolved.contains(prefix);
    }

    /** Best routes the kernel refused, per family. */
    public long unresolvedCount(Family f) {
        return unresolved.stream().filter(p -> p.contains(":") == (f == Family.IPV6)).count();
    }

    private long line;

    private void writeLoop() {
        while (!closed) {
            Batch batch;
            synchronized (lock) {
                while (pending.size == 0 && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = pending;
                pending = new Batch();
            }
            try {
                for (int i = 0; i < batch.size; i++) {
                    Family f = batch.family(i);
                    String prefix = Prefixes.format(f, batch.hi(i), batch.lo(i), batch.length(i));
                    byte[] hop = batch.nextHop(i);
                    String command;
                    if (hop == null) {
                        command = "route del " + prefix + " proto " + PROTO;
                    } else {
                        command = "route replace " + prefix + " " + via(f, hop) + " proto " + PROTO;
                    }
                    unresolved.remove(prefix);
                    line++;
                    recentLines[(int) (line % RING)] = prefix + (hop == null ? "" : " via");
                    stdin.write(command);
                    stdin.write('\n');
                }
                stdin.flush();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("bgp: kernel route writer stopped: {}", e.getMessage());
                }
                available = false;
                return;
            }
        }
    }

    /** A route's next hop as iproute2 wants it: the global part of an IPv6 next hop; IPv4-mapped as "via inet". */
    static String via(Family f, byte[] hop) {
        byte[] global = hop.length == 32 ? Arrays.copyOf(hop, 16) : hop;
        if (global.length == 16 && isMapped(global)) {
            return "via inet " + Prefixes.addressOf(Arrays.copyOfRange(global, 12, 16));
        }
        if (f == Family.IPV6 && global.length == 4) {
            return "via inet " + Prefixes.addressOf(global);
        }
        return "via " + Prefixes.addressOf(global);
    }

    private static boolean isMapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }

    private void errorLoop() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String text;
            String previous = null;
            while ((text = r.readLine()) != null) {
                if (text.contains("Operation not permitted") && available) {
                    available = false;
                    unresolved.clear();
                    LOG.warn("bgp: kernel routes disabled: not permitted (the speaker needs CAP_NET_ADMIN)");
                }
                Matcher m = FAILED.matcher(text);
                if (m.find() && available) {
                    long failedLine = Long.parseLong(m.group(1));
                    String what = recentLines[(int) (failedLine % RING)];
                    if (what != null && what.endsWith(" via")) {
                        String prefix = what.substring(0, what.length() - 4);
                        unresolved.add(prefix);
                        LOG.info("bgp: kernel refused {}: {}", prefix, previous);
                    }
                } else {
                    previous = text;
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Deletes every route with our protocol number, IPv4 and IPv6. */
    private void flushProto() {
        for (String family : List.of("-4", "-6")) {
            try {
                Process p = new ProcessBuilder(ip(family, "route", "flush", "proto", String.valueOf(PROTO)))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops the writer and removes every route we installed. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            writer.join(2000);
            stdin.close();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // flushing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        flushProto();
        available = false;
    }
}
