package org.flatracoon.lab.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.topology.IpPrefix;
import org.flatracoon.lab.topology.Topology;

/**
 * The link subnets held by the labs this process is running. Docker refuses a network whose
 * subnet overlaps another's, so two labs that share address space cannot run at once: a lab
 * started while an overlapping one runs waits for it to close. Labs with disjoint address plans
 * run side by side; that is what makes parallel scenarios pay off. A caller that does not want
 * to wait (the `lab` command, a test) gets the refusal at once.
 */
final class AddressPools {

    private final List<Lease> held = new ArrayList<>();

    /**
     * Blocks until no running lab of this process has {@code topology}'s name or overlaps its
     * subnets, then holds them.
     */
    synchronized Lease acquire(Topology topology, Duration maxWait) {
        List<IpPrefix> wanted = subnetsOf(topology);
        long deadline = System.nanoTime() + maxWait.toNanos();
        Optional<Lease> blocker;
        while ((blocker = conflicting(topology.name(), wanted)).isPresent()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new LabException(refusal(topology.name(), blocker.get(), maxWait));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("interrupted while lab " + topology.name() + " waited for its subnets", e);
            }
        }
        Lease lease = new Lease(topology.name(), wanted);
        held.add(lease);
        return lease;
    }

    private static String refusal(String labName, Lease blocker, Duration waited) {
        String reason = blocker.labName.equals(labName)
                ? "a lab named " + labName + " is already running; stop it with `lab down " + labName + "` or `lab clean`"
                : "lab " + labName + " overlaps the subnets " + blocker.subnets + " of running lab " + blocker.labName;
        String howLong = waited.toMillis() < 1000 ? waited.toMillis() + " ms" : waited.toSeconds() + " s";
        return reason + (waited.isZero() ? "" : " (waited " + howLong + " for it to close)");
    }

    private synchronized void release(Lease lease) {
        if (held.remove(lease)) {
            notifyAll();
        }
    }

    private Optional<Lease> conflicting(String labName, List<IpPrefix> wanted) {
        return held.stream()
                .filter(lease -> lease.labName.equals(labName)
                        || lease.subnets.stream().anyMatch(mine -> wanted.stream().anyMatch(mine::overlaps)))
                .findFirst();
    }

    private static List<IpPrefix> subnetsOf(Topology topology) {
        return topology.links().stream()
                .flatMap(link -> Stream.of(link.ipv4Subnet(), link.ipv6Subnet()).flatMap(Optional::stream))
                .toList();
    }

    /** Subnets held until {@link #close()}; closing twice is harmless. */
    final class Lease implements AutoCloseable {
        private final String labName;
        private final List<IpPrefix> subnets;

        private Lease(String labName, List<IpPrefix> subnets) {
            this.labName = labName;
            this.subnets = subnets;
        }

        @Override
        public void close() {
            release(this);
        }
    }
}
